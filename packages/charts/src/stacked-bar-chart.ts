import type { StackedBarChartSpec } from '@mlsys/core';
import { ceilingEls, frameEls, legendEls, plotBox, yAxisEls } from './frame.js';
import { createScale } from './scale.js';
import { el, svgDocument, textEl } from './svg.js';
import { seriesColour, THEME } from './theme.js';

/**
 * Draws bars of stacked segments (e.g. parameters, gradients, optimizer state and activations per
 * GPU), one colour per segment, the total above each bar and dashed ceilings (the GPU's memory).
 */
export function stackedBarChartToSvg(spec: StackedBarChartSpec): string {
  const box = plotBox();
  const totals = spec.bars.map((bar) => bar.values.reduce((sum, v) => sum + v, 0));
  const ceilings = spec.ceilings ?? [];
  const y = createScale(
    'linear',
    [0, Math.max(...totals, ...ceilings.map((c) => c.y)) * 1.1],
    [box.bottom, box.top],
  );
  const slot = (box.right - box.left) / Math.max(1, spec.bars.length);
  const barWidth = Math.min(90, slot * 0.6);

  const bars = spec.bars.flatMap((bar, i) => {
    const x = box.left + slot * i + (slot - barWidth) / 2;
    let base = 0;
    const segments = bar.values.map((value, s) => {
      const top = y.toPixel(base + value);
      const rect = el('rect', {
        x,
        y: top,
        width: barWidth,
        height: y.toPixel(base) - top,
        fill: seriesColour(s),
      });
      base += value;
      return rect;
    });
    return [
      ...segments,
      textEl(x + barWidth / 2, y.toPixel(totals[i]!) - 6, formatTotal(totals[i]!), {
        'text-anchor': 'middle',
        'font-size': THEME.fontSize,
        fill: THEME.text,
      }),
      textEl(x + barWidth / 2, box.bottom + 20, bar.label, {
        'text-anchor': 'middle',
        'font-size': THEME.fontSize,
        fill: THEME.muted,
      }),
    ];
  });
  return svgDocument(THEME.width, THEME.height, THEME.font, [
    ...frameEls(spec.title),
    ...yAxisEls(y, spec.y, box),
    el('line', { x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom, stroke: THEME.axis }),
    ...bars,
    ...ceilings.flatMap((ceiling) => ceilingEls(y.toPixel(ceiling.y), ceiling.label, box)),
    ...legendEls(spec.segments.map((name, i) => ({ name, colour: seriesColour(i) }))),
  ]);
}

function formatTotal(value: number): string {
  return String(Number(value.toPrecision(3)));
}
