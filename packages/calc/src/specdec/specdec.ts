import { UserError } from '@mlsys/errors';
import { formatSig } from '../format/format-number.js';
import type { WorkStep } from '../work/work-step.js';

const SOURCE = 'Leviathan et al. 2023, arXiv:2211.17192';

/**
 * Expected tokens produced per target-model pass with draft length γ and acceptance rate α:
 * `(1 − α^(γ+1)) / (1 − α)`, and `γ + 1` in the limit α → 1.
 * Source: Leviathan et al. 2023 (arXiv:2211.17192), §3.1, Eq. 1.
 *
 * @param alpha α, expected acceptance rate, 0 ≤ α ≤ 1.
 * @param gamma γ, draft tokens per step, a positive integer.
 */
export function expectedTokensPerStep(alpha: number, gamma: number): number {
  if (alpha === 1) return gamma + 1;
  return (1 - alpha ** (gamma + 1)) / (1 - alpha);
}

/**
 * Expected wall-time speed-up over plain decoding: `(1 − α^(γ+1)) / ((1 − α)(γ·c + 1))`, where c is the
 * time of one draft-model run over one target-model run.
 * Source: Leviathan et al. 2023, §3.3, Theorem 3.8 (with Definition 3.7 for c).
 */
export function specdecSpeedup(alpha: number, gamma: number, draftCost: number): number {
  return expectedTokensPerStep(alpha, gamma) / (gamma * draftCost + 1);
}

/**
 * The draft length γ in 1…`maxGamma` with the highest expected speed-up of Theorem 3.8 (Leviathan et
 * al. 2023, §3.3), found by scanning. Ties go to the shorter draft.
 */
export function optimalGamma(
  alpha: number,
  draftCost: number,
  maxGamma = 64,
): { gamma: number; speedup: number } {
  let best = { gamma: 1, speedup: specdecSpeedup(alpha, 1, draftCost) };
  for (let gamma = 2; gamma <= maxGamma; gamma++) {
    const speedup = specdecSpeedup(alpha, gamma, draftCost);
    if (speedup > best.speedup + 1e-12) best = { gamma, speedup };
  }
  return best;
}

/** Input of {@link specdec}. */
export interface SpecdecInput {
  /** α, expected acceptance rate, 0–1. */
  alpha: number;
  /** γ, draft tokens per target pass. */
  gamma: number;
  /** c, draft-run time over target-run time; 0 when the draft is negligible. */
  draftCost: number;
}

/** Expected tokens per target pass, speed-up and the best γ for this α and c, with work shown. */
export interface SpecdecResult extends SpecdecInput {
  expectedTokensPerStep: number;
  speedup: number;
  best: { gamma: number; speedup: number };
  work: WorkStep[];
  notes: string[];
}

/**
 * Speculative decoding estimate (Leviathan et al. 2023): tokens per target pass, speed-up with draft
 * cost c, and the draft length that maximises the speed-up.
 *
 * @throws UserError when α is outside [0, 1], γ is not a positive integer or c is negative.
 */
export function specdec(input: SpecdecInput): SpecdecResult {
  const { alpha, gamma, draftCost } = input;
  if (!(alpha >= 0 && alpha <= 1)) {
    throw new UserError(
      'calc/specdec-alpha',
      `The acceptance rate α must be between 0 and 1; got ${alpha}.`,
      {
        example: '/specdec alpha=0.8 gamma=4',
      },
    );
  }
  if (!Number.isInteger(gamma) || gamma < 1 || gamma > 1024) {
    throw new UserError(
      'calc/specdec-gamma',
      `γ (draft tokens) must be a whole number from 1 to 1024; got ${gamma}.`,
      {
        example: '/specdec alpha=0.8 gamma=4',
      },
    );
  }
  if (!(draftCost >= 0) || !Number.isFinite(draftCost)) {
    throw new UserError('calc/specdec-draft-cost', `The draft cost c must be 0 or more; got ${draftCost}.`, {
      example: '/specdec alpha=0.8 gamma=4 draft_cost=0.05',
    });
  }
  const tokens = expectedTokensPerStep(alpha, gamma);
  const speedup = specdecSpeedup(alpha, gamma, draftCost);
  const work: WorkStep[] = [
    alpha === 1
      ? {
          label: 'Expected tokens per target pass',
          formula: 'γ + 1 (α = 1)',
          substituted: `${gamma} + 1`,
          result: formatSig(tokens, 5),
          source: `${SOURCE}, Eq. 1`,
        }
      : {
          label: 'Expected tokens per target pass',
          formula: '(1 − α^(γ+1)) / (1 − α)',
          substituted: `(1 − ${alpha}^${gamma + 1}) / (1 − ${alpha})`,
          result: formatSig(tokens, 5),
          source: `${SOURCE}, Eq. 1`,
        },
    {
      label: 'Expected speed-up',
      formula: '(1 − α^(γ+1)) / ((1 − α)(γ·c + 1))',
      substituted: `${formatSig(tokens, 5)} / (${gamma} · ${draftCost} + 1)`,
      result: `${formatSig(speedup, 4)}×`,
      source: `${SOURCE}, Theorem 3.8`,
    },
  ];
  const notes = [
    'Assumes acceptances are i.i.d. with mean α and that the target model verifies γ + 1 tokens in the time of one pass (Leviathan et al. §3.1, §3.3).',
  ];
  if (draftCost === 0)
    notes.push('Draft cost c = 0: the speed-up equals the tokens per target pass (an upper bound).');
  if (alpha <= draftCost)
    notes.push(`α ≤ c: no draft length helps (Leviathan et al. Corollary 3.9 needs α > c).`);
  return {
    ...input,
    expectedTokensPerStep: tokens,
    speedup,
    best: optimalGamma(alpha, draftCost),
    work,
    notes,
  };
}
