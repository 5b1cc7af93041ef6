import { describe, expect, it } from 'vitest';
import type { Layout } from './planner.js';
import { ranksBefore, shownStepSeconds } from './ranking.js';
import { rankingReason } from './suggest.js';

// Llama-3.1-70B on 256 H100s, tp=8 pp=4 zero=3 b=1 v=1 (the estimates /parallel gives for it):
// recompute=none 33.46847 s at 69,653,316,096 B; selective 33.47264 s at 16,637,313,536 B.
const NONE = { stepSeconds: 33.46847252920807, memoryBytes: 69_653_316_096 };
const SELECTIVE = { stepSeconds: 33.472639450485644, memoryBytes: 16_637_313_536 };

describe('ranking: step time at the digits shown, then memory', () => {
  it('shows step times to 3 significant digits, as the table does', () => {
    expect(shownStepSeconds(33.46847252920807)).toBe(33.5);
    expect(shownStepSeconds(0.049931)).toBe(0.0499);
    expect(shownStepSeconds(1234.6)).toBe(1235); // formatSig shows 1,235: no digits dropped
  });

  it('puts the leaner layout first when both show 33.5 s (0.012% apart)', () => {
    expect(ranksBefore(SELECTIVE, NONE)).toBe(true);
    expect(ranksBefore(NONE, SELECTIVE)).toBe(false);
  });

  it('still puts a faster shown time first, whatever the memory', () => {
    // full recomputation: 10.7 GB but 34.9 s.
    const full = { stepSeconds: 34.9, memoryBytes: 10_740_122_112 };
    expect(ranksBefore(NONE, full)).toBe(true);
    expect(ranksBefore(full, SELECTIVE)).toBe(false);
  });
});

function layout(recompute: Layout['recompute'], stepSeconds: number, memory: number): Layout {
  return {
    tp: 8,
    pp: 4,
    dp: 8,
    zero: 3,
    microBatch: 1,
    microBatches: 128,
    interleave: 1,
    recompute,
    sequenceParallel: true,
    layersPerStage: 20,
    bubbleFraction: 3 / 128,
    fits: true,
    memoryPerGpuBytes: { params: 0, grads: 0, optimizer: 0, activations: memory, total: memory },
    peakStage: 'first',
    paramsPerGpu: 2_270_470_400,
    commBytesPerGpu: { tp: 0, pp: 0, dp: 0 },
    estimate: {
      stepSeconds,
      computeSeconds: 7.6,
      tpSeconds: 2.7,
      ppSeconds: 0.04,
      dpExposedSeconds: 23,
      mfu: 0.22,
    },
  };
}

describe('rankingReason: the runner-up sentence follows the numbers', () => {
  const selective = layout('selective', SELECTIVE.stepSeconds, SELECTIVE.memoryBytes);
  const none = layout('none', NONE.stepSeconds, NONE.memoryBytes);

  it('tied on time, runner-up heavier: says so with both memories', () => {
    expect(rankingReason([selective, none])).toContain(
      'The runner-up (tp=8 pp=4 dp=8 ZeRO-3 b=1 recompute=none) ties on time at 33.5 s and needs more memory, 69.7 GB vs 16.6 GB per GPU; ties go to the layout with less memory.',
    );
  });

  it('slower and leaner: "slower" and "less memory", never "more"', () => {
    // 34.9 / 33.4726 − 1 = 4.3%; 10.7 GB vs 16.6 GB.
    const full = layout('full', 34.9, 10_740_122_112);
    const reason = rankingReason([selective, full]);
    expect(reason).toContain(
      'The runner-up (tp=8 pp=4 dp=8 ZeRO-3 b=1 recompute=full) is 4.3% slower (34.9 s) and needs less memory, 10.7 GB vs 16.6 GB per GPU.',
    );
    expect(reason).not.toContain('more memory');
  });

  it('tied on time and memory: no tie-break rule to state', () => {
    const twin = layout('none', SELECTIVE.stepSeconds, SELECTIVE.memoryBytes);
    expect(rankingReason([selective, twin])).toMatch(
      /ties on time at 33\.5 s and needs the same memory, 16\.6 GB per GPU\.$/,
    );
  });
});
