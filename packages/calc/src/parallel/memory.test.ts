import { describe, expect, it } from 'vitest';
import { activationBytesPerLayer, chunksInFlight } from './activations.js';
import { modelStateBytes, type ZeroStage } from './model-states.js';
import { bubbleFraction } from './pipeline.js';

const GB = 1e9;
const ZERO_TABLE1 = 'Rajbhandari et al. 2020 (ZeRO), Table 1';

describe('model states (ZeRO paper, 16 B/param)', () => {
  const total = (psi: number, zero: ZeroStage, dp: number) => {
    const bytes = modelStateBytes(psi, zero, dp, 16);
    return (bytes.params + bytes.grads + bytes.optimizer) / GB;
  };

  it('worked example: Ψ = 7.5B → 120 GB with plain data parallelism (§5, Figure 1)', () => {
    expect(total(7.5e9, 0, 64)).toBe(120);
  });

  // Table 1 prints per-device GB for P_os, P_os+g, P_os+g+p; `unit` is the last printed digit
  // (the 1T and some 128B cells are truncated, not rounded, so allow one unit).
  it.each([
    [7.5e9, 1, 1, 120, 1, ZERO_TABLE1],
    [7.5e9, 1, 4, 52.5, 0.1, ZERO_TABLE1],
    [7.5e9, 1, 16, 35.6, 0.1, ZERO_TABLE1],
    [7.5e9, 1, 64, 31.4, 0.1, ZERO_TABLE1],
    [7.5e9, 1, 256, 30.4, 0.1, ZERO_TABLE1],
    [7.5e9, 1, 1024, 30.1, 0.1, ZERO_TABLE1],
    [7.5e9, 2, 4, 41.3, 0.1, ZERO_TABLE1],
    [7.5e9, 2, 16, 21.6, 0.1, ZERO_TABLE1],
    [7.5e9, 2, 64, 16.6, 0.1, ZERO_TABLE1],
    [7.5e9, 2, 256, 15.4, 0.1, ZERO_TABLE1],
    [7.5e9, 2, 1024, 15.1, 0.1, ZERO_TABLE1],
    [7.5e9, 3, 4, 30, 1, ZERO_TABLE1],
    [7.5e9, 3, 16, 7.5, 0.1, ZERO_TABLE1],
    [7.5e9, 3, 64, 1.88, 0.01, ZERO_TABLE1],
    [7.5e9, 3, 256, 0.47, 0.01, ZERO_TABLE1],
    [7.5e9, 3, 1024, 0.12, 0.01, ZERO_TABLE1],
    [128e9, 1, 1, 2048, 1, ZERO_TABLE1],
    [128e9, 1, 4, 896, 1, ZERO_TABLE1],
    [128e9, 1, 64, 536, 1, ZERO_TABLE1],
    [128e9, 1, 1024, 513, 1, ZERO_TABLE1],
    [128e9, 2, 16, 368, 1, ZERO_TABLE1],
    [128e9, 2, 1024, 257, 1, ZERO_TABLE1],
    [128e9, 3, 64, 32, 1, ZERO_TABLE1],
    [1e12, 1, 1, 16000, 1, ZERO_TABLE1],
    [1e12, 1, 64, 4187, 1, ZERO_TABLE1],
    [1e12, 2, 64, 2218, 1, ZERO_TABLE1],
    [1e12, 2, 1024, 2013, 1, ZERO_TABLE1],
    [1e12, 3, 256, 62.5, 0.1, ZERO_TABLE1],
    [1e12, 3, 1024, 15.6, 0.1, ZERO_TABLE1],
  ])('Ψ=%d ZeRO-%d N_d=%d → %d GB per device (±%d; %s)', (psi, zero, dp, printed, unit) => {
    expect(Math.abs(total(psi, zero as ZeroStage, dp) - printed)).toBeLessThanOrEqual(unit);
  });

  it("Megatron's 18 B/param with its distributed optimizer is 6 + 12/DP bytes per parameter (formulas.md)", () => {
    const bytes = modelStateBytes(1, 1, 8, 18);
    expect(bytes.params + bytes.grads + bytes.optimizer).toBe(6 + 12 / 8);
  });
});

describe('activations per layer (Korthikanti et al. 2022)', () => {
  const gpt3 = { seq: 2048, microBatch: 1, hidden: 12288, heads: 96 }; // GPT-3 175B (Brown et al. 2020)

  it('GPT-3 175B, s = 2048, b = 1: sbh(34 + 5as/h) = 2,868,903,936 B (formulas.md)', () => {
    expect(activationBytesPerLayer({ ...gpt3, tp: 1, sequenceParallel: false }, 'none')).toBe(2_868_903_936);
  });

  it.each([
    // §5: selective recomputation keeps 34 of the 34 + 5as/h: 70% saved for GPT-3, 65% for MT-NLG 530B.
    [gpt3, 0.7, 'Korthikanti §5: 70% for GPT-3 175B'],
    [{ seq: 2048, microBatch: 1, hidden: 20480, heads: 128 }, 0.65, 'Korthikanti §5: 65% for MT-NLG 530B'],
  ])('selective recomputation saves the published share (%#: %s)', (dims, saved) => {
    const full = activationBytesPerLayer({ ...dims, tp: 8, sequenceParallel: true }, 'none');
    const selective = activationBytesPerLayer({ ...dims, tp: 8, sequenceParallel: true }, 'selective');
    expect(1 - selective / full).toBeCloseTo(saved, 2);
  });

  it('sequence parallelism divides the whole layer by t; TP alone leaves 10·sbh replicated (Table 2)', () => {
    const tp = activationBytesPerLayer({ ...gpt3, tp: 8, sequenceParallel: false }, 'none');
    const sp = activationBytesPerLayer({ ...gpt3, tp: 8, sequenceParallel: true }, 'none');
    const sbh = 2048 * 12288;
    expect(tp).toBe(sbh * (10 + 24 / 8 + (5 * 96 * 2048) / (12288 * 8)));
    expect(sp).toBe(2_868_903_936 / 8);
    expect(activationBytesPerLayer({ ...gpt3, tp: 8, sequenceParallel: true }, 'full')).toBe(2 * sbh);
  });

  it('the first 1F1B stage holds L·(1 + (p−1)/(p·v)) layers when interleaved (Korthikanti §4.2.3)', () => {
    const p = 8;
    const v = 4;
    const layersPerChunk = 96 / (p * v);
    expect(chunksInFlight(p, v, 64, 0) * layersPerChunk).toBe(96 * (1 + (p - 1) / (p * v)));
    expect(chunksInFlight(p, 1, 64, 0) * (96 / p)).toBe(96);
    expect(chunksInFlight(p, 1, 3, 0)).toBe(3);
  });
});

describe('pipeline bubble (Narayanan et al. 2021 §2.2)', () => {
  it.each([
    [8, 64, 1, 7 / 64],
    [8, 64, 2, 7 / 128],
    [1, 1, 1, 0],
  ])('p=%d m=%d v=%d → %d', (p, m, v, bubble) => {
    expect(bubbleFraction(p, m, v)).toBe(bubble);
  });
});
