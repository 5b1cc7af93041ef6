import {
  formatSig,
  parseFraction,
  parseNumber,
  parsePositiveInt,
  specdec,
  specdecSpeedup,
} from '@mlsys/calc';
import type { LineChartSpec } from '../../reply/chart.js';
import { type CommandSpec, defineCommand } from '../define-command.js';
import { option } from '../option.js';
import { calculatorReply } from './calculator-reply.js';

/**
 * `/specdec alpha=0.8 gamma=4 [draft_cost=0.05]`: expected tokens per target pass and wall-time
 * speed-up of speculative decoding (Leviathan et al. 2023), with the best draft length.
 */
export const specdecCommand: CommandSpec = defineCommand({
  name: 'specdec',
  description: 'Speculative decoding: tokens per target pass and speed-up (Leviathan et al. 2023)',
  options: {
    alpha: option({
      description: 'Acceptance rate α, 0–1 (0.8 or 80%)',
      kind: 'number',
      required: true,
      example: '0.8',
      parse: (raw) => parseFraction(raw, { what: 'the acceptance rate α', allowZero: true, example: '0.8' }),
    }),
    gamma: option({
      description: 'Draft tokens per target pass γ',
      kind: 'integer',
      required: true,
      example: '4',
      parse: (raw) => parsePositiveInt(raw, { what: 'the draft length γ', max: 1024, example: '4' }),
    }),
    draft_cost: option({
      description: 'Draft-model time per run over target-model time per run, c',
      kind: 'number',
      default: '0',
      parse: (raw) => parseNumber(raw, { what: 'the draft cost c', max: 10, example: '0.05' }),
    }),
  },
  examples: ['alpha=0.8 gamma=4', 'alpha=0.6 gamma=4 draft_cost=0.05'],
  cost: 1,
  run: (input) => {
    const result = specdec({ alpha: input.alpha, gamma: input.gamma, draftCost: input.draft_cost });
    // α ≤ c: every draft length is at best as fast as plain decoding (Leviathan et al. Corollary 3.9).
    const neverHelps = result.alpha <= result.draftCost;
    // With a free draft (c = 0 < α) the speed-up rises with γ toward 1/(1 − α): there is no best γ.
    const freeDraft = result.draftCost === 0 && !neverHelps;
    const top = freeDraft ? 16 : Math.max(16, result.best.gamma);
    const chart: LineChartSpec = {
      kind: 'line',
      title: `Speed-up vs draft length (α = ${result.alpha}, c = ${result.draftCost})`,
      x: { label: 'Draft length γ', unit: 'tokens' },
      y: { label: 'Expected speed-up', unit: '×' },
      series: [
        {
          name: 'speed-up',
          points: Array.from({ length: top }, (_, i) => [
            i + 1,
            specdecSpeedup(result.alpha, i + 1, result.draftCost),
          ]),
        },
      ],
      markers: [
        { label: `γ = ${result.gamma}`, x: result.gamma, y: result.speedup },
        ...(freeDraft || neverHelps || result.best.gamma === result.gamma
          ? []
          : [{ label: `best γ = ${result.best.gamma}`, x: result.best.gamma, y: result.best.speedup }]),
      ],
    };
    return calculatorReply({
      title: 'Speculative decoding',
      summary: `**${formatSig(result.speedup, 3)}×** expected speed-up, ${formatSig(result.expectedTokensPerStep, 4)} tokens per target pass`,
      fields: [
        { label: 'Acceptance rate α', value: String(result.alpha) },
        { label: 'Draft length γ', value: `${result.gamma} tokens` },
        { label: 'Draft cost c', value: `${result.draftCost} × a target pass` },
        {
          label: 'Best γ for this α, c',
          value: neverHelps
            ? `none: with α ≤ c no draft length beats plain decoding (at best ${formatSig(result.best.speedup, 3)}× at γ = ${result.best.gamma}); don't speculate`
            : freeDraft
              ? `none at c = 0: longer drafts always help, toward ${
                  result.alpha < 1
                    ? `1/(1 − α) = ${formatSig(1 / (1 - result.alpha), 3)}×`
                    : 'no limit (α = 1)'
                }`
              : `${result.best.gamma} (${formatSig(result.best.speedup, 3)}×)`,
        },
      ],
      work: result.work,
      notes: result.notes,
      sources: [
        'Leviathan et al. 2023, "Fast Inference from Transformers via Speculative Decoding", arXiv:2211.17192',
      ],
      chart: {
        spec: chart,
        alt: `Expected speed-up for γ = 1 to ${top}${freeDraft || neverHelps ? '' : `; best at γ = ${result.best.gamma}`}`,
      },
      data: {
        alpha: result.alpha,
        gamma: result.gamma,
        draftCost: result.draftCost,
        expectedTokensPerStep: result.expectedTokensPerStep,
        speedup: result.speedup,
        bestGamma: result.best.gamma,
        bestSpeedup: result.best.speedup,
      },
    });
  },
});
