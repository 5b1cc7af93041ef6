import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterSpec } from './cluster.js';
import { gptParams, megatronFlopsPerIteration } from './gpt-formulas.js';
import { createEvaluation, createPlanContext, evaluateInto } from './layout.js';
import { type ParallelInput, planParallel } from './planner.js';
import { shownStepSeconds } from './ranking.js';
import { shapeFromParams, type TransformerShape } from './shape.js';
import { suggestWhenNothingFits } from './suggest.js';

/**
 * Selene nodes of Narayanan et al. 2021 §5: 8 × A100 80GB (312 TFLOP/s bf16 peak), NVLink 3
 * (600 GB/s, 300 each way) and eight 200 Gb/s HDR InfiniBand HCAs per node (25 GB/s per GPU).
 */
function seleneCluster(gpus: number): ClusterSpec {
  return {
    gpus,
    gpusPerNode: 8,
    gpuName: 'A100 80GB',
    memoryBytes: 80e9,
    peakFlops: 312e12,
    intraNodeBandwidth: 300e9,
    interNodeBandwidth: 25e9,
  };
}

const TABLE1 = 'Narayanan et al. 2021, arXiv:2104.04473, Table 1';
const V = 51_200; // Narayanan et al. 2021 §5.1: every model uses V = 51,200 and s = 2048.
const S = 2048;

function gpt(params: number, heads: number, hidden: number, layers: number): TransformerShape {
  return {
    name: `GPT ${params / 1e9}B`,
    params,
    layers,
    hidden,
    heads,
    vocab: V,
    tiedEmbeddings: true,
    derived: false,
  };
}

// Narayanan et al. 2021 Table 1: params (B), heads, hidden, layers, t, p, GPUs, batch, TFLOP/s per GPU.
const WEAK_SCALING = [
  [1.7, 24, 2304, 24, 1, 1, 32, 512, 137],
  [3.6, 32, 3072, 30, 2, 1, 64, 512, 138],
  [7.5, 32, 4096, 36, 4, 1, 128, 512, 142],
  [18.4, 48, 6144, 40, 8, 1, 256, 1024, 135],
  [39.1, 64, 8192, 48, 8, 2, 512, 1536, 138],
  [76.1, 80, 10240, 60, 8, 4, 1024, 1792, 140],
  [145.6, 96, 12288, 80, 8, 8, 1536, 2304, 148],
  [310.1, 128, 16384, 96, 8, 16, 1920, 2160, 155],
  [529.6, 128, 20480, 105, 8, 35, 2520, 2520, 163],
  [1008.0, 160, 25600, 128, 8, 64, 3072, 3072, 163],
] as const;

describe(`Megatron-LM weak scaling (${TABLE1})`, () => {
  it.each(WEAK_SCALING)('%dB: Eq. 2 gives the printed parameter count', (billions, _a, h, l) => {
    expect(gptParams(l, h, V, S) / 1e9).toBeCloseTo(billions, 1);
  });

  it.each(WEAK_SCALING)(
    '%dB with (t, p) = (%#) fits on A100 80GB with full recomputation, b = 1, 18 B/param',
    (billions, heads, hidden, layers, tp, pp, gpus, batch) => {
      const plan = planParallel({
        model: gpt(gptParams(layers, hidden, V, S), heads, hidden, layers),
        cluster: seleneCluster(gpus),
        seq: S,
        globalBatch: batch,
        bytesPerParam: 18,
        sequenceParallel: false, // 2021: sequence parallelism came with Korthikanti et al. 2022
        fixed: { tp, pp, zero: 0, microBatch: 1, recompute: 'full' },
      });
      expect(plan.best, `${billions}B`).not.toBeNull();
      expect(plan.best!.tp * plan.best!.pp * plan.best!.dp).toBe(gpus);
      expect(plan.best!.memoryPerGpuBytes.total).toBeLessThan(80e9);
    },
  );

  it('the 1T layout does NOT fit without recomputation (why the paper recomputes)', () => {
    const [, heads, hidden, layers, tp, pp, gpus, batch] = WEAK_SCALING[9];
    const plan = planParallel({
      model: gpt(gptParams(layers, hidden, V, S), heads, hidden, layers),
      cluster: seleneCluster(gpus),
      seq: S,
      globalBatch: batch,
      bytesPerParam: 18,
      sequenceParallel: false,
      fixed: { tp, pp, zero: 0, microBatch: 1, interleave: 1, recompute: 'none' },
    });
    expect(plan.best).toBeNull();
    expect(plan.closest!.memoryPerGpuBytes.total).toBeGreaterThan(80e9);
  });
});

describe('FLOPs per iteration, Eq. 3 (Narayanan et al. 2021, Table 2: days for 300B tokens)', () => {
  // Table 2 (PTD and ZeRO-3 rows): model (l, h), GPUs, achieved TFLOP/s per GPU, printed days.
  // X implied by the printed days = T · F/(B·s) / (n · days): within 3% of the printed TFLOP/s
  // (days are rounded to whole days: ±0.5 day is ±2.2% at 23 days).
  it.each([
    [96, 12288, 384, 153, 84, 'Table 2, PTD 174.6B'],
    [96, 12288, 768, 149, 43, 'Table 2, PTD 174.6B'],
    [96, 12288, 1536, 141, 23, 'Table 2, PTD 174.6B'],
    [105, 20480, 560, 171, 156, 'Table 2, PTD 529.6B'],
    [105, 20480, 1120, 167, 80, 'Table 2, PTD 529.6B'],
    [105, 20480, 2240, 159, 42, 'Table 2, PTD 529.6B'],
    [96, 12288, 384, 144, 90, 'Table 2, ZeRO-3 174.6B'],
  ])('l=%d h=%d on %d GPUs: %d TFLOP/s ⇔ %d days (%s)', (l, h, gpus, tflops, days) => {
    const flopsPerToken = megatronFlopsPerIteration(1, S, l, h, V) / S;
    const implied = (300e9 * flopsPerToken) / (gpus * days * 86_400) / 1e12;
    expect(Math.abs(implied / tflops - 1)).toBeLessThan(0.03);
  });
});

function input(overrides: Partial<ParallelInput> = {}): ParallelInput {
  return {
    model: gpt(gptParams(96, 12288, V, S), 96, 12288, 96),
    cluster: seleneCluster(1024),
    seq: S,
    globalBatch: 1536,
    bytesPerParam: 16,
    sequenceParallel: true,
    ...overrides,
  };
}

describe('planParallel', () => {
  it('ranks fitting layouts by shown step time, then memory, and keeps every invariant', () => {
    const plan = planParallel(input());
    expect(plan.best).not.toBeNull();
    expect(plan.layouts.length).toBeLessThanOrEqual(20);
    expect(plan.fitting).toBeGreaterThan(plan.layouts.length);
    let ties = 0;
    for (let i = 1; i < plan.layouts.length; i++) {
      const [before, after] = [plan.layouts[i - 1]!, plan.layouts[i]!];
      const [shownBefore, shownAfter] = [before, after].map((l) => shownStepSeconds(l.estimate.stepSeconds));
      expect(shownAfter).toBeGreaterThanOrEqual(shownBefore!);
      if (shownAfter === shownBefore) {
        ties++;
        expect(after.memoryPerGpuBytes.total).toBeGreaterThanOrEqual(before.memoryPerGpuBytes.total);
      }
    }
    expect(ties).toBeGreaterThan(0); // GPT-3 175B on 1,024 A100s has layouts tied at the shown digits
    expect(plan.best!.tp).toBeLessThanOrEqual(8);
  });

  it('never returns a layout with tp·pp·dp ≠ gpus, a bubble outside [0, 1) or one that does not fit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }).map((b) => b * 1e9),
        fc.constantFrom(8, 16, 64, 256, 1024),
        fc.constantFrom(512, 1024, 2048, 4096),
        fc.constantFrom(256, 1024, 4096),
        (params, gpus, seq, globalBatch) => {
          let plan: ReturnType<typeof planParallel>;
          try {
            plan = planParallel(
              input({ model: shapeFromParams(params), cluster: seleneCluster(gpus), seq, globalBatch }),
            );
          } catch {
            return true; // no candidate at all is a UserError, tested below
          }
          return plan.layouts.every(
            (layout) =>
              layout.tp * layout.pp * layout.dp === gpus &&
              layout.bubbleFraction >= 0 &&
              layout.bubbleFraction < 1 &&
              layout.fits &&
              layout.memoryPerGpuBytes.total <= 80e9 &&
              layout.dp * layout.microBatch * layout.microBatches === globalBatch,
          );
        },
      ),
      { seed: 2104, numRuns: 60 },
    );
  });

  it('memory per GPU never grows with the ZeRO stage (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 4, 8),
        fc.constantFrom(1, 2, 4, 8, 16),
        fc.constantFrom(1, 2, 4),
        fc.constantFrom('none', 'selective', 'full') as fc.Arbitrary<'none' | 'selective' | 'full'>,
        fc.constantFrom(16, 18) as fc.Arbitrary<16 | 18>,
        (tp, pp, microBatch, recompute, bytesPerParam) => {
          const ctx = createPlanContext(input().model, seleneCluster(1024), {
            seq: S,
            globalBatch: 4096,
            bytesPerParam,
            sequenceParallel: true,
          });
          const dp = 1024 / (tp * pp);
          let previous = Number.POSITIVE_INFINITY;
          for (const zero of [0, 1, 2, 3] as const) {
            const e = evaluateInto(
              ctx,
              {
                tp,
                pp,
                dp,
                zero,
                microBatch,
                microBatches: 4096 / (dp * microBatch),
                interleave: 1,
                recompute,
              },
              createEvaluation(),
            );
            if (e.total > previous) return false;
            previous = e.total;
          }
          return true;
        },
      ),
      { seed: 2020 },
    );
  });

  it('evaluates a pinned layout and says plainly when nothing fits, with what would', () => {
    // GPT-3 175B on 32 GPUs as tp=8 pp=4: 5.5B parameters per GPU × 16 B = 88 GB before activations.
    const tight = input({ cluster: seleneCluster(32), fixed: { tp: 8, pp: 4, zero: 0, recompute: 'none' } });
    const plan = planParallel(tight);
    expect(plan.best).toBeNull();
    expect(plan.closest).not.toBeNull();
    const lines = suggestWhenNothingFits(tight, plan.closest);
    expect(lines.join(' ')).toMatch(/Without the pinned choices|With [\d,]+ GPUs/);
  });

  it('suggests more GPUs when no layout fits at all', () => {
    const small = input({ cluster: seleneCluster(8), fixed: {} });
    const plan = planParallel(small);
    expect(plan.best).toBeNull();
    expect(suggestWhenNothingFits(small, plan.closest).join(' ')).toMatch(/With [\d,]+ GPUs, tp=/);
  });

  it.each([
    [{ tp: 3 }, 'calc/parallel-tp'],
    [{ tp: 16 }, 'calc/parallel-tp'], // 16 does not divide 40 heads
    [{ pp: 7 }, 'calc/parallel-pp'],
    [{ pp: 2, interleave: 5 }, 'calc/parallel-interleave'],
  ])('refuses impossible pinned choices %j', (fixed, code) => {
    const shape = { ...input().model, heads: 40, hidden: 12280 };
    expect(() => planParallel(input({ model: shape, fixed }))).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a global batch that no layout can split', () => {
    expect(() => planParallel(input({ globalBatch: 3, fixed: { tp: 8, pp: 1 } }))).toThrow(
      expect.objectContaining({
        code: 'calc/parallel-no-layout',
        message: expect.stringContaining('pinned'),
      }),
    );
  });

  it('speaks of pinned choices only when some were pinned', () => {
    // 1,024 GPUs and a batch of 3: no data-parallel degree of 1,024/(t·p) divides 3 sequences.
    expect(() => planParallel(input({ globalBatch: 3 }))).toThrow(
      expect.objectContaining({
        code: 'calc/parallel-no-layout',
        message: expect.not.stringContaining('pinned'),
      }),
    );
  });
});

describe('shapeFromParams', () => {
  it.each([
    [1e12, 'a 1T model'],
    [70e9, 'a 70B model'],
    [125e6, 'a 125M model'],
  ])('derives a GPT-like shape whose Eq. 2 count is within 5% of %d (%s)', (params) => {
    const shape = shapeFromParams(params);
    expect(shape.derived).toBe(true);
    expect(Math.abs(gptParams(shape.layers, shape.hidden, shape.vocab, 0) / params - 1)).toBeLessThan(0.05);
    expect(shape.hidden % shape.heads).toBe(0);
  });

  it('tries a bounded number of depths even for an absurd count', () => {
    const shape = shapeFromParams(1e15);
    expect(shape.layers % 8).toBe(0);
    expect(Math.abs((12 * shape.layers * shape.hidden ** 2) / 1e15 - 1)).toBeLessThan(0.1);
  });

  it('keeps given dimensions', () => {
    const shape = shapeFromParams(175e9, { layers: 96, hidden: 12288, heads: 96 });
    expect(shape).toMatchObject({ layers: 96, hidden: 12288, heads: 96, derived: false });
  });
});
