import type { ChartAxis } from '@mlsys/core';

/** Maps data values to pixels along one axis and knows its tick marks. */
export interface Scale {
  toPixel(value: number): number;
  ticks: number[];
}

/**
 * A scale over `[min, max]` onto `[from, to]` pixels. Linear scales get "nice" ticks (1, 2, 2.5, 5
 * × 10^k steps); log scales get ticks at powers of their base, thinned to at most `maxTicks`.
 */
export function createScale(
  kind: ChartAxis['scale'],
  domain: [number, number],
  range: [number, number],
  maxTicks = 8,
): Scale {
  const [from, to] = range;
  if (kind === 'log2' || kind === 'log10') {
    const base = kind === 'log2' ? 2 : 10;
    const lo = Math.log(Math.max(domain[0], Number.MIN_VALUE)) / Math.log(base);
    const hi = Math.log(Math.max(domain[1], Number.MIN_VALUE)) / Math.log(base);
    const span = hi - lo || 1;
    const exponents: number[] = [];
    for (let e = Math.ceil(lo - 1e-9); e <= hi + 1e-9; e++) exponents.push(e);
    const step = Math.ceil(exponents.length / maxTicks);
    return {
      toPixel: (value) => from + ((Math.log(value) / Math.log(base) - lo) / span) * (to - from),
      ticks: exponents.filter((_, i) => i % step === 0).map((e) => base ** e),
    };
  }
  const [lo, hi] = domain[0] === domain[1] ? [domain[0], domain[0] + 1] : domain;
  return {
    toPixel: (value) => from + ((value - lo) / (hi - lo)) * (to - from),
    ticks: niceTicks(lo, hi, maxTicks),
  };
}

/** Round tick values covering `[lo, hi]` with at most `maxTicks` of them. */
export function niceTicks(lo: number, hi: number, maxTicks: number): number[] {
  const rough = (hi - lo) / Math.max(1, maxTicks - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => (hi - lo) / s <= maxTicks - 1) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/**
 * A tick label: token counts on a log2 axis as `4k`, `128k`, `1M` (k = 1024, as context lengths are
 * written); everything else compact with SI suffixes (`1.5K`, `20M`, `3B`) or as `1e24` when huge.
 */
export function formatTick(value: number, axis: ChartAxis): string {
  if (axis.scale === 'log2' && axis.unit === 'tokens' && value >= 1024) {
    return value >= 1024 ** 2 ? `${value / 1024 ** 2}M` : `${value / 1024}k`;
  }
  const abs = Math.abs(value);
  if (abs >= 1e15) return Number(value.toPrecision(2)).toExponential().replace('+', '');
  const suffixes: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [scale, suffix] of suffixes) if (abs >= scale) return `${trim(value / scale)}${suffix}`;
  return trim(value);
}

function trim(value: number): string {
  return String(Number(value.toPrecision(3)));
}
