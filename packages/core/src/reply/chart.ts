/** An axis of a chart, always with its unit. */
export interface ChartAxis {
  label: string;
  /** Unit shown after the label, e.g. `GiB`, `tokens`. */
  unit: string;
  scale?: 'linear' | 'log2' | 'log10';
}

/** One named line of an x/y chart. */
export interface ChartSeries {
  name: string;
  points: [x: number, y: number][];
}

/** A horizontal limit drawn across an x/y chart, e.g. a GPU's memory. */
export interface ChartCeiling {
  label: string;
  y: number;
}

/** A point called out on an x/y chart, e.g. the compute-optimal model. */
export interface ChartMarker {
  label: string;
  x: number;
  y: number;
}

/** Lines over a shared x axis (KV cache vs context, iso-FLOP curves, score progression). */
export interface LineChartSpec {
  kind: 'line';
  title: string;
  x: ChartAxis;
  y: ChartAxis;
  series: ChartSeries[];
  ceilings?: ChartCeiling[];
  markers?: ChartMarker[];
}

/** Bars made of stacked segments (memory breakdown per GPU). */
export interface StackedBarChartSpec {
  kind: 'stacked-bar';
  title: string;
  y: ChartAxis;
  /** Segment names in stacking order, bottom first. */
  segments: string[];
  bars: { label: string; values: number[] }[];
  ceilings?: ChartCeiling[];
}

/** A grid of GPUs coloured by their tensor-, pipeline- and data-parallel groups. */
export interface GpuGridChartSpec {
  kind: 'gpu-grid';
  title: string;
  tp: number;
  pp: number;
  dp: number;
  gpusPerNode: number;
}

/** What a chart shows; rendered to SVG/PNG by the chart renderer, never by a command. */
export type ChartSpec = LineChartSpec | StackedBarChartSpec | GpuGridChartSpec;
