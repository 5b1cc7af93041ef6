import type { ChartSpec } from '@mlsys/core';
import { describe, expect, it } from 'vitest';
import { chartToSvg } from './chart-to-svg.js';
import { svgToPng, svgToPngAsync } from './svg-to-png.js';
import { THEME } from './theme.js';

const GIB = 2 ** 30;
// Llama-3.1-70B, bf16: 327,680 B per token (formulas.md: 2 · 80 layers · 8 KV heads · 128 · 2 B).
const llamaKv: ChartSpec = {
  kind: 'line',
  title: 'KV cache · Llama-3.1-70B (bf16)',
  x: { label: 'Context', unit: 'tokens', scale: 'log2' },
  y: { label: 'KV cache', unit: 'GiB' },
  series: [{ name: 'batch 1', points: [4096, 32768, 131072].map((t) => [t, (t * 327_680) / GIB]) }],
  ceilings: [{ label: 'H100 80 GB', y: 80e9 / GIB }],
};

function pixel(raster: ReturnType<typeof svgToPng>, x: number, y: number): string {
  const i = (y * raster.width + x) * 4;
  return `#${[...raster.pixels.subarray(i, i + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

describe('chartToSvg', () => {
  it('labels both axes with units and context ticks in k = 1024', () => {
    const svg = chartToSvg(llamaKv);
    expect(svg).toContain('>Context (tokens)</text>');
    expect(svg).toContain('>KV cache (GiB)</text>');
    for (const tick of ['4k', '8k', '16k', '32k', '64k', '128k']) expect(svg).toContain(`>${tick}</text>`);
    expect(svg).toContain('>H100 80 GB</text>');
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it('plots the 128k point at 40 GiB on the y scale', () => {
    const svg = chartToSvg(llamaKv);
    // Three dots; the last sits at x = right edge, and its y matches the "40" grid line.
    const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(dots).toHaveLength(3);
    const label40 =
      /<line x1="88" x2="772" y1="([\d.]+)" y2="[\d.]+" stroke="#e6e8eb"\/><text x="80" y="[\d.]+"[^>]*>40<\/text>/.exec(
        svg,
      );
    expect(label40).not.toBeNull();
    expect(dots[2]![0]).toBe(772);
    expect(dots[2]![1]).toBeCloseTo(Number(label40![1]), 1);
  });

  it('escapes text from specs', () => {
    const svg = chartToSvg({ ...llamaKv, title: '<script>&' });
    expect(svg).toContain('&#60;script&#62;&#38;');
    expect(svg).not.toContain('<script>');
  });

  it('counts hidden replicas and stages of large layouts', () => {
    const svg = chartToSvg({ kind: 'gpu-grid', title: 'Layout', tp: 8, pp: 64, dp: 6, gpusPerNode: 8 });
    expect(svg).toContain(
      '3072 GPUs on 384 nodes of 8 · each TP group inside one node · 16 of 64 stages shown',
    );
    // 6 replicas × 16 stages × 8 GPUs drawn, plus a box per group.
    const stagePaths = [...svg.matchAll(/<path d="([^"]+)" fill="[^"]+" data-stage="(\d+)"/g)];
    expect(stagePaths).toHaveLength(16);
    for (const [, d] of stagePaths) expect(d!.match(/M/g)).toHaveLength(6 * 8);
  });

  it('stacks bar segments in order with the total on top', () => {
    const svg = chartToSvg({
      kind: 'stacked-bar',
      title: 'Memory per GPU',
      y: { label: 'Memory', unit: 'GB' },
      segments: ['params', 'grads', 'optimizer'],
      bars: [{ label: 'ZeRO-0', values: [15, 15, 90] }],
    });
    expect(svg).toContain('>120</text>');
    expect(svg).toContain('>Memory (GB)</text>');
  });
});

describe('svgToPng', () => {
  it('rasterises at chat size with the theme colours where the spec puts them', () => {
    const raster = svgToPng(chartToSvg(llamaKv));
    expect(raster.png.subarray(1, 4).toString()).toBe('PNG');
    expect([raster.width, raster.height]).toEqual([THEME.width, THEME.height]);
    // IHDR holds the same size (big-endian at bytes 16..23).
    expect([raster.png.readUInt32BE(16), raster.png.readUInt32BE(20)]).toEqual([800, 450]);
    expect(pixel(raster, 5, 5)).toBe('#ffffff');
    // The first series' dot at 128k (x = 772) is drawn in the first palette colour.
    const svg = chartToSvg(llamaKv);
    const last = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].at(-1)!;
    expect(pixel(raster, Math.round(Number(last[1])), Math.round(Number(last[2])))).toBe(
      THEME.palette[0].toLowerCase(),
    );
  });

  it('doubles the pixels at scale 2', () => {
    const raster = svgToPng(chartToSvg(llamaKv), 2);
    expect([raster.width, raster.height]).toEqual([1600, 900]);
  });

  it('renders on a worker thread a PNG that decodes to the same pixels (svgToPngAsync)', async () => {
    const svg = chartToSvg(llamaKv);
    const [sync, async] = [svgToPng(svg), await svgToPngAsync(svg)];
    expect([async.width, async.height]).toEqual([800, 450]);
    expect(async.png.subarray(1, 4).toString()).toBe('PNG');
    // resvg, as an independent PNG decoder, draws our PNG back at its own size: pixel for pixel.
    const wrapped = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450"><image width="800" height="450" href="data:image/png;base64,${async.png.toString('base64')}"/></svg>`;
    expect(svgToPng(wrapped).pixels.equals(sync.pixels)).toBe(true);
  });
});
