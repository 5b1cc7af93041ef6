import { type Architecture, type Dtype, dtypeOf, formatInt, GIB, type GpuFit, kvBytesAt } from '@mlsys/calc';
import type { ChartSeries, LineChartSpec } from '../../reply/chart.js';

/** What the KV-cache chart draws. */
export interface KvChartInput {
  arch: Architecture;
  modelName: string;
  tokens: number;
  batch: number;
  dtype: Dtype;
  tp: number;
  fit?: GpuFit | undefined;
  /** The model's maximum context (tokens), marked when the request goes past it; `null` if none. */
  maxContext?: number | null;
}

/**
 * KV cache (GiB, one GPU's share when tp > 1) against context length on a log2 axis, one line per
 * cache dtype at the requested batch, with the GPU's memory and the room left after the weights as
 * ceilings when a GPU is given, and the model's maximum context marked when the request goes past it.
 */
export function kvChart(input: KvChartInput): { spec: LineChartSpec; alt: string } {
  const { arch, batch, tp } = input;
  const top = Math.max(input.tokens, 2 ** 17);
  const xs: number[] = [];
  for (let x = 1024; x < top; x *= 2) xs.push(x);
  xs.push(top);
  const dtypes = [
    input.dtype,
    ...[dtypeOf('bf16'), dtypeOf('fp8')].filter((d) => d.bytes !== input.dtype.bytes),
  ];
  const series: ChartSeries[] = dtypes.map((dtype) => ({
    name: `${dtype.label}, batch ${batch}`,
    points: xs.map((x) => [x, kvBytesAt(arch, x, batch, dtype.bytes, tp) / GIB]),
  }));
  const perGpu = tp > 1 ? ` per GPU (tp=${tp})` : '';
  const spec: LineChartSpec = {
    kind: 'line',
    title: `KV cache vs context · ${input.modelName}${perGpu}`,
    x: { label: 'Context length', unit: 'tokens', scale: 'log2' },
    y: { label: `KV cache${perGpu}`, unit: 'GiB' },
    series,
    markers: [
      {
        label: 'this request',
        x: input.tokens,
        y: kvBytesAt(arch, input.tokens, batch, input.dtype.bytes, tp) / GIB,
      },
    ],
  };
  const maxContext = input.maxContext ?? null;
  if (maxContext !== null && maxContext < input.tokens && maxContext >= xs[0]!) {
    spec.markers?.push({
      label: `model's maximum context (${formatInt(maxContext)})`,
      x: maxContext,
      y: kvBytesAt(arch, maxContext, batch, input.dtype.bytes, tp) / GIB,
    });
  }
  if (input.fit) {
    spec.ceilings = [{ label: `${input.fit.gpu.name} memory`, y: input.fit.memoryBytes / GIB }];
    if (input.fit.freeBytes > 0)
      spec.ceilings.push({ label: 'room after weights', y: input.fit.freeBytes / GIB });
  }
  const alt = `Line chart of ${input.modelName}'s KV cache in GiB against context length from 1,024 to ${top.toLocaleString('en-US')} tokens for ${dtypes.map((d) => d.label).join(', ')} at batch ${batch}${input.fit ? `, with ${input.fit.gpu.name} memory as a ceiling` : ''}.`;
  return { spec, alt };
}
