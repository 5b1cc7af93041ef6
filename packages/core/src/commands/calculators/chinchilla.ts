import {
  type ChinchillaCluster,
  type ChinchillaMethod,
  type ChinchillaResult,
  chinchilla,
  formatCount,
  formatScientific,
  formatSig,
  isoFlopCurves,
  parseCount,
  parseFraction,
  parseGpu,
  parseNumber,
  parsePositiveInt,
} from '@mlsys/calc';
import { UserError } from '@mlsys/errors';
import type { ChartMarker, LineChartSpec } from '../../reply/chart.js';
import { type CommandSpec, defineCommand } from '../define-command.js';
import { option } from '../option.js';
import { calculatorReply } from './calculator-reply.js';

const METHODS = ['table', 'hoffmann', 'epoch'] as const;

/**
 * A parameter or token count written without a unit must be at least this: a bare `70` is 70B meant,
 * not 70 parameters (no language model that small is sized by Chinchilla).
 */
const UNITLESS_MIN = 1e6;

/**
 * `/chinchilla 70b`, `/chinchilla flops=5.76e23 method=hoffmann`, `/chinchilla gpus=1024 gpu=h100
 * hours=720`: compute-optimal parameters and tokens (Hoffmann et al. 2022), C = 6ND, predicted loss,
 * and training time on a cluster.
 */
export const chinchillaCommand: CommandSpec = defineCommand({
  name: 'chinchilla',
  description: 'Compute-optimal model size and tokens (Chinchilla), C = 6ND, loss and training time',
  options: {
    params: option({
      description: 'Model parameters N (70b, 405B, 7e9; a number without a unit must be ≥ 1e6)',
      positional: true,
      example: '70b',
      parse: (raw) =>
        parseCount(raw, {
          what: 'a parameter count',
          example: '70b',
          unitlessMin: UNITLESS_MIN,
          unitHints: ['b', 'm'],
        }),
    }),
    tokens: option({
      description: 'Training tokens D (1.4t, 15T; a number without a unit must be ≥ 1e6)',
      example: '1.4t',
      parse: (raw) =>
        parseCount(raw, {
          what: 'a token count',
          example: '1.4t',
          unitlessMin: UNITLESS_MIN,
          unitHints: ['t', 'b'],
        }),
    }),
    flops: option({
      description: 'Compute budget C in FLOPs (5.76e23)',
      example: '5.76e23',
      parse: (raw) => parseCount(raw, { what: 'a FLOP budget', example: '5.76e23' }),
    }),
    method: option({
      description: 'table (Table 3, ~20 tokens/param), hoffmann (paper fit) or epoch (Epoch AI refit)',
      default: 'table',
      choices: METHODS,
      parse: (raw) => raw as ChinchillaMethod,
    }),
    gpus: option({
      description: 'GPUs in the cluster (for a GPU budget or training time)',
      kind: 'integer',
      example: '1024',
      parse: (raw) => parsePositiveInt(raw, { what: 'the GPU count', example: '1024' }),
    }),
    gpu: option({
      description: 'GPU model (h100, a100, mi300x, …)',
      default: 'h100',
      complete: 'gpu',
      parse: parseGpu,
    }),
    hours: option({
      description: 'Wall-clock hours on the cluster (makes the cluster the budget)',
      kind: 'number',
      example: '720',
      parse: (raw) =>
        parseNumber(raw, { what: 'the hours', min: 0, minExclusive: true, max: 1e6, example: '720' }),
    }),
    mfu: option({
      description: 'Model FLOPs utilisation assumed, 0–1',
      kind: 'number',
      default: '0.4',
      parse: (raw) => parseFraction(raw, { what: 'the MFU', example: '0.4' }),
    }),
  },
  examples: ['70b', 'flops=5.76e23 method=hoffmann', '70b tokens=1.4t', 'gpus=1024 gpu=h100 hours=720'],
  cost: 1,
  run: (input) => {
    if (input.hours !== undefined && input.gpus === undefined) {
      throw new UserError('core/chinchilla-hours-without-gpus', 'hours= needs gpus= to make a GPU budget.', {
        example: '/chinchilla gpus=1024 gpu=h100 hours=720',
      });
    }
    const gpu = input.gpu;
    let cluster: ChinchillaCluster | undefined;
    if (input.gpus !== undefined) {
      cluster = { gpus: input.gpus, peakFlops: gpu.bf16Flops, mfu: input.mfu, gpuName: gpu.name };
      if (input.hours !== undefined) cluster.hours = input.hours;
    }
    const result = chinchilla({
      method: input.method,
      ...(input.params === undefined ? {} : { params: input.params }),
      ...(input.tokens === undefined ? {} : { tokens: input.tokens }),
      ...(input.flops === undefined ? {} : { flops: input.flops }),
      ...(cluster === undefined ? {} : { cluster }),
    });
    return chinchillaReply(result, gpu.source);
  },
});

function chinchillaReply(result: ChinchillaResult, gpuSource: string) {
  const days = result.trainingSeconds === undefined ? undefined : result.trainingSeconds / 86_400;
  const fields = [
    { label: 'Parameters N', value: `${formatCount(result.params)}` },
    { label: 'Tokens D', value: `${formatCount(result.tokens)}` },
    { label: 'Compute C = 6ND', value: `${formatScientific(result.flops)} FLOPs` },
    { label: 'Tokens per parameter', value: formatSig(result.tokensPerParam) },
    { label: `Loss (${result.lossFit.key} fit)`, value: `${formatSig(result.loss, 4)} nats/token` },
  ];
  if (result.cluster) {
    fields.push({
      label: 'Cluster',
      value: `${result.cluster.gpus} × ${result.cluster.gpuName}, MFU ${formatSig(result.cluster.mfu * 100, 2)}%`,
    });
  }
  if (days !== undefined) fields.push({ label: 'Training time', value: `${formatSig(days)} days` });
  const what = result.optimal ? 'compute-optimal' : 'as given';
  const summary = `**${formatCount(result.params)} parameters × ${formatCount(result.tokens)} tokens** (${what}, method ${result.method}) = ${formatScientific(result.flops)} FLOPs`;
  const data: Record<string, unknown> = {
    method: result.method,
    params: result.params,
    tokens: result.tokens,
    flops: result.flops,
    tokensPerParam: result.tokensPerParam,
    optimal: result.optimal,
    loss: result.loss,
    lossFit: result.lossFit.key,
    extrapolated: result.warnings.length > 0,
    warnings: result.warnings,
  };
  if (result.cluster) {
    data.gpus = result.cluster.gpus;
    data.gpu = result.cluster.gpuName;
    data.mfu = result.cluster.mfu;
    data.hours = (result.trainingSeconds ?? 0) / 3600;
  }
  return calculatorReply({
    title: 'Chinchilla sizing',
    summary,
    warnings: result.warnings,
    fields,
    work: result.work,
    notes: result.notes,
    sources: [
      'Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", arXiv:2203.15556',
      ...(result.lossFit.key === 'epoch' ? ['Besiroglu et al. 2024, arXiv:2404.10102'] : []),
      ...(result.cluster ? [gpuSource] : []),
    ],
    chart: isoFlopChart(result),
    data,
  });
}

function isoFlopChart(result: ChinchillaResult): { spec: LineChartSpec; alt: string } {
  const fit = result.lossFit;
  const budgets = [result.flops / 10, result.flops, result.flops * 10];
  const curves = isoFlopCurves(fit, budgets);
  const markers: ChartMarker[] = curves.map((curve) => ({
    label: `optimum ${formatCount(curve.optimum.params)}`,
    x: curve.optimum.params,
    y: curve.optimum.loss,
  }));
  const middle = curves[1]!.optimum;
  if (Math.abs(result.params / middle.params - 1) > 0.01) {
    markers.push({ label: `this run ${formatCount(result.params)}`, x: result.params, y: result.loss });
  }
  return {
    spec: {
      kind: 'line',
      title: `Iso-FLOP curves (${fit.label})`,
      x: { label: 'Parameters', unit: 'parameters', scale: 'log10' },
      y: { label: 'Predicted loss', unit: 'nats/token' },
      series: curves.map((curve) => ({
        name: `C = ${formatScientific(curve.flops)} FLOPs`,
        points: curve.points,
      })),
      markers,
    },
    alt: `Loss vs parameters at ${budgets.map((c) => formatScientific(c)).join(', ')} FLOPs under the ${fit.key} fit; the fit's optimum at ${formatScientific(result.flops)} FLOPs is ${formatCount(middle.params)} parameters`,
  };
}
