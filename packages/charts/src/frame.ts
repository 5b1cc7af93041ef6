import type { ChartAxis } from '@mlsys/core';
import { formatTick, type Scale } from './scale.js';
import { el, textEl } from './svg.js';
import { THEME } from './theme.js';

/** The plotting area in pixels, inside the margins that hold title, legend and axes. */
export interface PlotBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The plot box of a chart with a title and a one-line legend above it. */
export function plotBox(): PlotBox {
  return { left: 88, top: 74, right: THEME.width - 28, bottom: THEME.height - 58 };
}

/** Background and title. */
export function frameEls(title: string): string[] {
  return [
    el('rect', { width: THEME.width, height: THEME.height, fill: THEME.background }),
    textEl(THEME.width / 2, 28, title, {
      'text-anchor': 'middle',
      'font-size': THEME.titleSize,
      'font-weight': 'bold',
      fill: THEME.text,
    }),
  ];
}

/** `label (unit)`, as every axis is titled. */
export function axisTitle(axis: ChartAxis): string {
  return axis.unit === '' ? axis.label : `${axis.label} (${axis.unit})`;
}

/** Horizontal grid lines with y tick labels, and the y axis title turned upright. */
export function yAxisEls(scale: Scale, axis: ChartAxis, box: PlotBox): string[] {
  const parts = scale.ticks.flatMap((tick) => {
    const y = scale.toPixel(tick);
    return [
      el('line', { x1: box.left, x2: box.right, y1: y, y2: y, stroke: THEME.grid }),
      textEl(box.left - 8, y + 4, formatTick(tick, axis), {
        'text-anchor': 'end',
        'font-size': THEME.fontSize,
        fill: THEME.muted,
      }),
    ];
  });
  const midY = (box.top + box.bottom) / 2;
  parts.push(
    textEl(20, midY, axisTitle(axis), {
      transform: `rotate(-90 20 ${midY})`,
      'text-anchor': 'middle',
      'font-size': THEME.fontSize,
      fill: THEME.text,
    }),
    el('line', { x1: box.left, x2: box.left, y1: box.top, y2: box.bottom, stroke: THEME.axis }),
  );
  return parts;
}

/** x tick marks and labels, the x axis line and its title. */
export function xAxisEls(scale: Scale, axis: ChartAxis, box: PlotBox): string[] {
  const parts = scale.ticks.flatMap((tick) => {
    const x = scale.toPixel(tick);
    return [
      el('line', { x1: x, x2: x, y1: box.bottom, y2: box.bottom + 5, stroke: THEME.axis }),
      textEl(x, box.bottom + 20, formatTick(tick, axis), {
        'text-anchor': 'middle',
        'font-size': THEME.fontSize,
        fill: THEME.muted,
      }),
    ];
  });
  parts.push(
    el('line', { x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom, stroke: THEME.axis }),
    textEl((box.left + box.right) / 2, THEME.height - 14, axisTitle(axis), {
      'text-anchor': 'middle',
      'font-size': THEME.fontSize,
      fill: THEME.text,
    }),
  );
  return parts;
}

/** A legend row of coloured swatches and names, centred under the title. */
export function legendEls(items: readonly { name: string; colour: string }[]): string[] {
  const charWidth = THEME.fontSize * 0.6;
  const widths = items.map((item) => 18 + item.name.length * charWidth + 18);
  let x = (THEME.width - widths.reduce((sum, w) => sum + w, 0)) / 2;
  return items.flatMap((item, i) => {
    const parts = [
      el('rect', { x, y: 44, width: 12, height: 12, rx: 2, fill: item.colour }),
      textEl(x + 18, 54, item.name, { 'font-size': THEME.fontSize, fill: THEME.text }),
    ];
    x += widths[i]!;
    return parts;
  });
}

/** A dashed horizontal limit across the plot with its label at the right end. */
export function ceilingEls(y: number, label: string, box: PlotBox): string[] {
  return [
    el('line', {
      x1: box.left,
      x2: box.right,
      y1: y,
      y2: y,
      stroke: THEME.ceiling,
      'stroke-width': 2,
      'stroke-dasharray': '6 4',
    }),
    textEl(box.right - 4, y - 6, label, {
      'text-anchor': 'end',
      'font-size': THEME.fontSize,
      fill: THEME.ceiling,
    }),
  ];
}
