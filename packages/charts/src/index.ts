/**
 * @module @mlsys/charts
 * Chart specs carried by replies, drawn as SVG (pure functions) and rasterised to PNG for chat images.
 */
export { chartToSvg } from './chart-to-svg.js';
export { GRID_LIMITS, gpuGridChartToSvg } from './gpu-grid-chart.js';
export { lineChartToSvg } from './line-chart.js';
export type { PngImage } from './png-workers.js';
export { createScale, formatTick, niceTicks, type Scale } from './scale.js';
export { stackedBarChartToSvg } from './stacked-bar-chart.js';
export { escapeXml } from './svg.js';
export { type RasterChart, svgToPng, svgToPngAsync } from './svg-to-png.js';
export { seriesColour, THEME } from './theme.js';
