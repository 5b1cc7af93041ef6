import type { LineChartSpec } from '@mlsys/core';
import { ceilingEls, frameEls, legendEls, plotBox, xAxisEls, yAxisEls } from './frame.js';
import { createScale } from './scale.js';
import { el, svgDocument, textEl } from './svg.js';
import { seriesColour, THEME } from './theme.js';

/**
 * Draws lines over a shared x axis: one colour per series, dots on the data points when there are
 * few, dashed ceilings (a GPU's memory) and labelled markers (an optimum). The y axis starts at 0 on
 * linear scales and stretches to fit the highest line or ceiling.
 */
export function lineChartToSvg(spec: LineChartSpec): string {
  const box = plotBox();
  const points = spec.series.flatMap((series) => series.points);
  const ceilings = spec.ceilings ?? [];
  const markers = spec.markers ?? [];
  const xs = [...points.map((p) => p[0]), ...markers.map((m) => m.x)];
  const ys = [...points.map((p) => p[1]), ...ceilings.map((c) => c.y), ...markers.map((m) => m.y)];
  const logY = spec.y.scale === 'log2' || spec.y.scale === 'log10';
  const yMin = logY ? Math.min(...ys) : Math.min(0, ...ys);
  const yMax = logY ? Math.max(...ys) : Math.max(...ys) * 1.06;
  const x = createScale(spec.x.scale, [Math.min(...xs), Math.max(...xs)], [box.left, box.right]);
  const y = createScale(spec.y.scale, [yMin, yMax], [box.bottom, box.top]);

  const lines = spec.series.flatMap((series, i) => {
    const colour = seriesColour(i);
    const path = series.points
      .map(([px, py]) => `${x.toPixel(px).toFixed(2)},${y.toPixel(py).toFixed(2)}`)
      .join(' ');
    const dots =
      series.points.length <= 24
        ? series.points.map(([px, py]) =>
            el('circle', { cx: x.toPixel(px), cy: y.toPixel(py), r: 3.5, fill: colour }),
          )
        : [];
    return [el('polyline', { points: path, fill: 'none', stroke: colour, 'stroke-width': 2.5 }), ...dots];
  });
  const markerEls = markers.flatMap((marker) => {
    const cx = x.toPixel(marker.x);
    const cy = y.toPixel(marker.y);
    return [
      el('circle', { cx, cy, r: 6, fill: 'none', stroke: THEME.text, 'stroke-width': 2 }),
      textEl(cx + 9, cy - 9, marker.label, { 'font-size': THEME.fontSize, fill: THEME.text }),
    ];
  });
  return svgDocument(THEME.width, THEME.height, THEME.font, [
    ...frameEls(spec.title),
    ...yAxisEls(y, spec.y, box),
    ...xAxisEls(x, spec.x, box),
    ...ceilings.flatMap((ceiling) => ceilingEls(y.toPixel(ceiling.y), ceiling.label, box)),
    ...lines,
    ...markerEls,
    ...legendEls(spec.series.map((series, i) => ({ name: series.name, colour: seriesColour(i) }))),
  ]);
}
