import { UserError } from '@mlsys/errors';
import { formatCount, formatScientific, formatSig } from '../format/format-number.js';
import type { WorkStep } from '../work/work-step.js';
import { checkChinchillaParams, extrapolationWarning } from './extrapolation.js';
import {
  EPOCH_FIT,
  HOFFMANN_FIT,
  optimumConstant,
  optimumForCompute,
  optimumForParams,
  predictLoss,
  type ScalingFit,
} from './scaling-fit.js';
import { type Table3Row, table3ForCompute, table3ForParams, table3Segment } from './table3.js';
import { trainingSteps } from './training-time.js';

/** How the compute-optimal split is found: Table 3 (Approach 1), or one of the two parametric fits. */
export type ChinchillaMethod = 'table' | 'hoffmann' | 'epoch';

/** A cluster: GPU count, per-GPU peak dense FLOP/s and the model FLOPs utilisation assumed. */
export interface ChinchillaCluster {
  gpus: number;
  /** Peak dense 16-bit FLOP/s of one GPU (data sheet). */
  peakFlops: number;
  /** Model FLOPs utilisation, 0–1: model FLOPs (6ND) per second over peak. */
  mfu: number;
  /** GPU name for replies, e.g. `H100 SXM`. */
  gpuName: string;
  /** Wall-clock hours: when given, the cluster is the compute budget. */
  hours?: number;
}

/** What to size: any one or two of parameters, tokens, FLOPs, or a cluster budget. */
export interface ChinchillaInput {
  method: ChinchillaMethod;
  /** N, parameters. */
  params?: number;
  /** D, training tokens. */
  tokens?: number;
  /** C, training FLOPs. */
  flops?: number;
  cluster?: ChinchillaCluster;
}

/** The answer: N, D, C = 6ND, D/N, predicted loss and, with a cluster, the time or the budget. */
export interface ChinchillaResult {
  method: ChinchillaMethod;
  params: number;
  tokens: number;
  flops: number;
  tokensPerParam: number;
  /** True when N and D are the method's compute-optimal split (not fixed by the user). */
  optimal: boolean;
  /** Predicted final loss in nats/token under {@link lossFit}. */
  loss: number;
  /** The fit the loss comes from: Hoffmann's for `table` and `hoffmann`, Epoch's for `epoch`. */
  lossFit: ScalingFit;
  /** Wall-clock seconds on the cluster: given (`hours`) or estimated as 6ND/(n·X·MFU). */
  trainingSeconds?: number;
  cluster?: ChinchillaCluster;
  work: WorkStep[];
  notes: string[];
  /** Caveats next to the headline: a size outside the data behind the figures (an extrapolation). */
  warnings: string[];
}

const EXAMPLE = '/chinchilla params=70b';

/** The loss fit behind a method. */
export function fitOf(method: ChinchillaMethod): ScalingFit {
  return method === 'epoch' ? EPOCH_FIT : HOFFMANN_FIT;
}

/**
 * Sizes a training run by the Chinchilla rules (Hoffmann et al. 2022, arXiv:2203.15556): from
 * parameters, a FLOP budget or a GPU budget (GPUs × hours × peak FLOP/s × MFU), the compute-optimal
 * tokens or parameters, `C = 6ND`, tokens per parameter and the predicted loss; with a cluster and no
 * hours, the training time `6ND/(n·X·MFU)`.
 *
 * Sizes outside the data behind the figures (Table 3's 400M–10T rows for `table`; 70M–10T for the
 * fits and the loss) are answered with a warning; past 10^15 parameters they are refused.
 *
 * @throws UserError when nothing or too much is given (e.g. parameters, tokens and FLOPs together), or
 *   for more than 10^15 parameters.
 */
export function chinchilla(input: ChinchillaInput): ChinchillaResult {
  const work: WorkStep[] = [];
  const notes: string[] = [];
  const fit = fitOf(input.method);
  let flops = input.flops;
  const { cluster } = input;

  if (cluster?.hours !== undefined) {
    if (flops !== undefined) {
      throw new UserError(
        'calc/chinchilla-overdetermined',
        'Give either flops or gpus with hours, not both.',
        {
          example: '/chinchilla gpus=1024 gpu=h100 hours=720',
        },
      );
    }
    flops = cluster.gpus * cluster.hours * 3600 * cluster.peakFlops * cluster.mfu;
    work.push({
      label: 'Compute budget',
      formula: 'C = n · hours · 3600 s · X_peak · MFU',
      substituted: `${cluster.gpus} · ${formatSig(cluster.hours)} · 3600 · ${formatScientific(cluster.peakFlops)} · ${cluster.mfu}`,
      result: `${formatScientific(flops)} FLOPs`,
    });
  }

  const given = [input.params, input.tokens, flops].filter((value) => value !== undefined).length;
  if (given === 0) {
    throw new UserError(
      'calc/chinchilla-nothing-given',
      'Give a model size (params=70b), a budget (flops=5.76e23) or a cluster (gpus=1024 gpu=h100 hours=720).',
      { example: EXAMPLE },
    );
  }
  if (given === 3) {
    throw new UserError(
      'calc/chinchilla-overdetermined',
      'Parameters, tokens and FLOPs together are one too many: C = 6ND fixes the third from the other two.',
      { example: '/chinchilla params=70b tokens=1.4t' },
    );
  }

  let params: number;
  let tokens: number;
  let optimal = false;
  if (given === 2) {
    if (flops === undefined) {
      params = input.params!;
      tokens = input.tokens!;
      flops = 6 * params * tokens;
      work.push(
        step(
          'Training compute',
          'C = 6 · N · D',
          `6 · ${formatCount(params)} · ${formatCount(tokens)}`,
          `${formatScientific(flops)} FLOPs`,
          'Kaplan et al. 2020, §2.1; Hoffmann et al. 2022, §3.3',
        ),
      );
    } else if (input.params !== undefined) {
      params = input.params;
      tokens = flops / (6 * params);
      work.push(tokensStep(flops, params, tokens));
    } else {
      tokens = input.tokens!;
      params = flops / (6 * tokens);
      work.push(
        step(
          'Parameters',
          'N = C / (6D)',
          `${formatScientific(flops)} / (6 · ${formatCount(tokens)})`,
          `${formatCount(params)} parameters`,
        ),
      );
    }
  } else if (input.params !== undefined) {
    params = input.params;
    ({ flops, tokens } = optimalForParams(input.method, params, work));
    optimal = true;
  } else if (flops !== undefined) {
    ({ params, tokens } = optimalForCompute(input.method, flops, work));
    optimal = true;
  } else {
    throw new UserError(
      'calc/chinchilla-tokens-only',
      'Tokens alone do not size a model: add params= or flops=, or drop tokens= for the compute-optimal split.',
      { example: '/chinchilla params=70b tokens=1.4t' },
    );
  }

  checkChinchillaParams(params);
  const tokensPerParam = tokens / params;
  work.push(
    step(
      'Tokens per parameter',
      'D / N',
      `${formatCount(tokens)} / ${formatCount(params)}`,
      formatSig(tokensPerParam),
    ),
  );
  const loss = predictLoss(fit, params, tokens);
  work.push({
    label: `Predicted loss (${fit.label})`,
    formula: 'L = E + A/N^α + B/D^β',
    substituted: `${fit.E} + ${fit.A}/${formatCount(params)}^${fit.alpha} + ${fit.B}/${formatCount(tokens)}^${fit.beta}`,
    result: `${formatSig(loss, 5)} nats/token`,
    source: fit.source,
  });

  const result: ChinchillaResult = {
    method: input.method,
    params,
    tokens,
    flops,
    tokensPerParam,
    optimal,
    loss,
    lossFit: fit,
    work,
    notes,
    warnings: [],
  };
  const warning = extrapolationWarning(params, optimal && input.method === 'table');
  if (warning !== undefined) result.warnings.push(warning);
  if (cluster) {
    result.cluster = cluster;
    if (cluster.hours !== undefined) result.trainingSeconds = cluster.hours * 3600;
    else {
      const time = trainingSteps(flops, cluster);
      result.trainingSeconds = time.seconds;
      work.push(...time.work);
      notes.push(...time.notes);
    }
  }
  notes.push(...methodNotes(input.method, optimal));
  return result;
}

/** The tokens step every method ends with: D = C / (6N) (Kaplan et al. 2020 §2.1; Hoffmann et al. 2022). */
function tokensStep(flops: number, params: number, tokens: number): WorkStep {
  return step(
    'Tokens',
    'D = C / (6N)',
    `${formatScientific(flops)} / (6 · ${formatCount(params)})`,
    `${formatCount(tokens)} tokens`,
  );
}

function optimalForParams(method: ChinchillaMethod, params: number, work: WorkStep[]) {
  if (method === 'table') {
    const { flops, tokens } = table3ForParams(params);
    work.push(
      step(
        'Compute-optimal budget (Table 3)',
        'C(N), log–log between Table 3 rows',
        `N = ${formatCount(params)} on ${segmentText(table3Segment(params, 'params'))}`,
        `${formatScientific(flops)} FLOPs`,
        'Hoffmann et al. 2022, Table 3 (Approach 1)',
      ),
    );
    work.push(tokensStep(flops, params, tokens));
    return { flops, tokens };
  }
  const fit = fitOf(method);
  const { flops, tokens } = optimumForParams(fit, params);
  work.push(gStep(fit));
  work.push(
    step(
      'Budget at which N is optimal',
      'C = 6 · (N/G)^((α+β)/β)',
      `6 · (${formatCount(params)} / ${formatSig(optimumConstant(fit), 4)})^(${formatSig((fit.alpha + fit.beta) / fit.beta, 4)})`,
      `${formatScientific(flops)} FLOPs`,
      fit.source,
    ),
  );
  work.push(tokensStep(flops, params, tokens));
  return { flops, tokens };
}

function optimalForCompute(method: ChinchillaMethod, flops: number, work: WorkStep[]) {
  if (method === 'table') {
    const { params, tokens } = table3ForCompute(flops);
    work.push(
      step(
        'Compute-optimal size (Table 3)',
        'N(C), log–log between Table 3 rows',
        `C = ${formatScientific(flops)} on ${segmentText(table3Segment(flops, 'flops'))}`,
        `${formatCount(params)} parameters`,
        'Hoffmann et al. 2022, Table 3 (Approach 1)',
      ),
    );
    work.push(tokensStep(flops, params, tokens));
    return { params, tokens };
  }
  const fit = fitOf(method);
  const { params, tokens } = optimumForCompute(fit, flops);
  const a = fit.beta / (fit.alpha + fit.beta);
  work.push(gStep(fit));
  work.push(
    step(
      'Optimal parameters',
      'N_opt = G · (C/6)^(β/(α+β))',
      `${formatSig(optimumConstant(fit), 4)} · (${formatScientific(flops)} / 6)^${formatSig(a, 4)}`,
      `${formatCount(params)} parameters`,
      fit.source,
    ),
  );
  work.push(
    step(
      'Optimal tokens',
      'D_opt = C / (6 · N_opt)',
      `${formatScientific(flops)} / (6 · ${formatCount(params)})`,
      `${formatCount(tokens)} tokens`,
    ),
  );
  return { params, tokens };
}

function gStep(fit: ScalingFit): WorkStep {
  return step(
    'Frontier constant',
    'G = (αA / (βB))^(1/(α+β))',
    `(${fit.alpha} · ${fit.A} / (${fit.beta} · ${fit.B}))^(1/${formatSig(fit.alpha + fit.beta, 4)})`,
    formatSig(optimumConstant(fit), 4),
    'Hoffmann et al. 2022, §3.3 (efficient frontier)',
  );
}

function methodNotes(method: ChinchillaMethod, optimal: boolean): string[] {
  const notes: string[] = [];
  if (method === 'table' && optimal) {
    notes.push(
      'Method `table`: Table 3 of Hoffmann et al. (Approach 1), interpolated in log–log between rows; ≈ 20–22 tokens per parameter.',
    );
  }
  if (method === 'hoffmann') {
    notes.push(
      'The rounded Hoffmann constants put the compute-optimal D/N near 90 at 5.76e23 FLOPs, not 20; Besiroglu et al. 2024 refit them (`method=epoch`).',
    );
  } else if (method === 'table') {
    notes.push(
      'Loss and iso-FLOP curves use the Hoffmann et al. fit, whose rounded constants put its own optimum near D/N ≈ 90 (not the ≈ 20 of Table 3); `method=epoch` uses the Besiroglu et al. 2024 refit.',
    );
  }
  if (method === 'epoch')
    notes.push(
      'Method `epoch`: the Besiroglu et al. 2024 refit; its optimum is near 20 tokens per parameter.',
    );
  notes.push(
    'FLOPs from C = 6ND (forward 2ND + backward 4ND); loss is the fitted MassiveText loss in nats/token.',
  );
  return notes;
}

function step(
  label: string,
  formula: string,
  substituted: string,
  result: string,
  source?: string,
): WorkStep {
  return source === undefined
    ? { label, formula, substituted, result }
    : { label, formula, substituted, result, source };
}

function segmentText([a, b]: [Table3Row, Table3Row]): string {
  const row = (r: Table3Row) => `${formatCount(r.params)} → ${formatScientific(r.flops)}`;
  return `rows ${row(a)} and ${row(b)}`;
}
