import type { ChartSpec } from '@mlsys/core';
import { chartToSvg } from '../chart-to-svg.js';
import { svgToPng } from '../svg-to-png.js';
import { THEME } from '../theme.js';

/** Chart render time, SVG + PNG, p50/p95 per kind against the rasteriser's cost for an empty canvas. */
const RUNS = 60;
const GOAL_P95_MS = 50; // issue 6: chart render p95 under 50 ms

const context = [1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072];
const specs: Record<string, ChartSpec> = {
  'line (KV cache vs context, 3 series)': {
    kind: 'line',
    title: 'KV cache · Llama-3.1-70B',
    x: { label: 'Context', unit: 'tokens', scale: 'log2' },
    y: { label: 'KV cache', unit: 'GiB' },
    series: [1, 8, 32].map((b) => ({
      name: `batch ${b}`,
      points: context.map((t) => [t, (t * b * 327_680) / 2 ** 30]),
    })),
    ceilings: [{ label: 'H100 80 GB', y: 74.5 }],
  },
  'stacked-bar (memory per GPU, 5 layouts)': {
    kind: 'stacked-bar',
    title: 'Memory per GPU',
    y: { label: 'Memory', unit: 'GiB' },
    segments: ['params', 'grads', 'optimizer', 'activations'],
    bars: [1, 2, 3, 4, 5].map((i) => ({ label: `layout ${i}`, values: [10 / i, 10 / i, 30 / i, 20] })),
  },
  'gpu-grid (TP 8 × PP 16 × DP 32)': {
    kind: 'gpu-grid',
    title: 'Layout',
    tp: 8,
    pp: 16,
    dp: 32,
    gpusPerNode: 8,
  },
};

function measure(work: () => void): { p50: number; p95: number } {
  work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(RUNS * 0.5)]!, p95: times[Math.floor(RUNS * 0.95)]! };
}

const empty = `<svg xmlns="http://www.w3.org/2000/svg" width="${THEME.width}" height="${THEME.height}"></svg>`;
const baseline = measure(() => svgToPng(empty));
console.log(
  `chart render, ${RUNS} runs each; baseline = rasterising an empty ${THEME.width}×${THEME.height} canvas`,
);
console.log(
  `baseline                                    p50 ${baseline.p50.toFixed(2)} ms  p95 ${baseline.p95.toFixed(2)} ms`,
);
for (const [name, spec] of Object.entries(specs)) {
  const t = measure(() => svgToPng(chartToSvg(spec)));
  const verdict = t.p95 < GOAL_P95_MS ? 'meets' : 'MISSES';
  console.log(
    `${name.padEnd(44)}p50 ${t.p50.toFixed(2)} ms  p95 ${t.p95.toFixed(2)} ms  (${(t.p95 / baseline.p95).toFixed(1)}× baseline; ${verdict} goal p95 < ${GOAL_P95_MS} ms)`,
  );
}
