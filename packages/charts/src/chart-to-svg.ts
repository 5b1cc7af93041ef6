import type { ChartSpec } from '@mlsys/core';
import { gpuGridChartToSvg } from './gpu-grid-chart.js';
import { lineChartToSvg } from './line-chart.js';
import { stackedBarChartToSvg } from './stacked-bar-chart.js';

/**
 * Draws any chart spec as an SVG document of {@link THEME}'s size. Pure: the same spec always gives
 * the same text.
 */
export function chartToSvg(spec: ChartSpec): string {
  switch (spec.kind) {
    case 'line':
      return lineChartToSvg(spec);
    case 'stacked-bar':
      return stackedBarChartToSvg(spec);
    case 'gpu-grid':
      return gpuGridChartToSvg(spec);
  }
}
