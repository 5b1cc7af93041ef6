import type { GpuGridChartSpec } from '@mlsys/core';
import { frameEls } from './frame.js';
import { el, svgDocument, textEl } from './svg.js';
import { seriesColour, THEME } from './theme.js';

/** Most data-parallel replicas and pipeline stages drawn; the rest are counted in a note. */
export const GRID_LIMITS = { replicas: 8, stages: 16 } as const;

/**
 * Draws a parallel layout as a grid: one column per data-parallel replica, one row per pipeline stage,
 * and in each cell the tensor-parallel group as a row of GPUs. A pipeline stage keeps its colour
 * across replicas, so a reader sees that stage i of every replica holds the same layers.
 */
export function gpuGridChartToSvg(spec: GpuGridChartSpec): string {
  const replicas = Math.min(spec.dp, GRID_LIMITS.replicas);
  const stages = Math.min(spec.pp, GRID_LIMITS.stages);
  const area = { left: 70, top: 74, right: THEME.width - 24, bottom: THEME.height - 52 };
  const cellWidth = (area.right - area.left) / replicas;
  const cellHeight = Math.min(64, (area.bottom - area.top) / stages);
  const gpuSize = Math.max(2, Math.min(cellHeight - 16, (cellWidth - 12) / spec.tp - 2));

  // One path per stage (all its GPUs in every replica) and one for the group boxes: a few elements
  // instead of thousands keeps rasterising fast.
  const cells: string[] = [];
  const boxes: string[] = [];
  const gpusByStage: string[][] = Array.from({ length: stages }, () => []);
  for (let r = 0; r < replicas; r++) {
    const x0 = area.left + r * cellWidth;
    cells.push(
      textEl(x0 + cellWidth / 2, area.top - 4, `DP ${r}`, {
        'text-anchor': 'middle',
        'font-size': 11,
        fill: THEME.muted,
      }),
    );
    for (let s = 0; s < stages; s++) {
      const y0 = area.top + s * cellHeight;
      boxes.push(rectPath(x0 + 3, y0 + 3, cellWidth - 6, cellHeight - 6));
      for (let t = 0; t < spec.tp; t++) {
        gpusByStage[s]!.push(
          rectPath(x0 + 6 + t * (gpuSize + 2), y0 + (cellHeight - gpuSize) / 2, gpuSize, gpuSize),
        );
      }
    }
  }
  cells.push(el('path', { d: boxes.join(''), fill: 'none', stroke: THEME.axis }));
  gpusByStage.forEach((squares, s) => {
    cells.push(el('path', { d: squares.join(''), fill: seriesColour(s), 'data-stage': s }));
  });
  for (let s = 0; s < stages; s++) {
    cells.push(
      textEl(area.left - 8, area.top + s * cellHeight + cellHeight / 2 + 4, `PP ${s}`, {
        'text-anchor': 'end',
        'font-size': 11,
        fill: THEME.muted,
      }),
    );
  }
  const hidden: string[] = [];
  if (spec.dp > replicas) hidden.push(`${replicas} of ${spec.dp} replicas shown`);
  if (spec.pp > stages) hidden.push(`${stages} of ${spec.pp} stages shown`);
  const total = spec.tp * spec.pp * spec.dp;
  const nodes = Math.ceil(total / spec.gpusPerNode);
  const note = [
    `${total} GPUs on ${nodes} nodes of ${spec.gpusPerNode}`,
    spec.tp <= spec.gpusPerNode ? 'each TP group inside one node' : 'TP groups span nodes',
    ...hidden,
  ].join(' · ');
  return svgDocument(THEME.width, THEME.height, THEME.font, [
    ...frameEls(spec.title),
    textEl(
      THEME.width / 2,
      54,
      `TP = ${spec.tp}: GPUs in a box · PP = ${spec.pp}: rows, one colour per stage · DP = ${spec.dp}: columns`,
      {
        'text-anchor': 'middle',
        'font-size': THEME.fontSize,
        fill: THEME.muted,
      },
    ),
    ...cells,
    textEl(THEME.width / 2, THEME.height - 18, note, {
      'text-anchor': 'middle',
      'font-size': THEME.fontSize,
      fill: THEME.text,
    }),
  ]);
}

/** A rectangle as a closed subpath, coordinates rounded to 0.1 px. */
function rectPath(x: number, y: number, width: number, height: number): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  return `M${r(x)} ${r(y)}h${r(width)}v${r(height)}h${r(-width)}z`;
}
