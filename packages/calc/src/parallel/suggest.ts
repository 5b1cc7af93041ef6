import { isUserError } from '@mlsys/errors';
import { formatDecimalBytes, formatInt, formatSig } from '../format/format-number.js';
import { hasPinnedChoices, type Layout, type ParallelInput, planParallel } from './planner.js';
import { shownStepSeconds } from './ranking.js';

/** Short description of a layout: `tp=8 pp=4 dp=2 ZeRO-1 b=1 v=2 recompute=selective`. */
export function describeLayout(layout: Layout): string {
  const parts = [
    `tp=${layout.tp}`,
    `pp=${layout.pp}`,
    `dp=${layout.dp}`,
    `ZeRO-${layout.zero}`,
    `b=${layout.microBatch}`,
  ];
  if (layout.interleave > 1) parts.push(`v=${layout.interleave}`);
  parts.push(`recompute=${layout.recompute}`);
  return parts.join(' ');
}

/**
 * What would fit when nothing does: the leanest layout searched, the best layout without the pinned
 * choices, and the fewest GPUs (doubling, global batch scaled along when it no longer divides) at which
 * some layout fits. Each line is a sentence for a reply.
 */
export function suggestWhenNothingFits(input: ParallelInput, closest: Layout | null): string[] {
  const lines: string[] = [];
  const memory = formatDecimalBytes(input.cluster.memoryBytes);
  if (closest) {
    lines.push(
      `The leanest layout searched (${describeLayout(closest)}) needs ${formatDecimalBytes(closest.memoryPerGpuBytes.total)} per GPU; each ${input.cluster.gpuName} has ${memory}.`,
    );
  }
  if (hasPinnedChoices(input.fixed)) {
    const free = tryPlan({ ...input, fixed: {}, limit: 1 });
    if (free?.best) {
      lines.push(
        `Without the pinned choices, ${describeLayout(free.best)} fits at ${formatDecimalBytes(free.best.memoryPerGpuBytes.total)} per GPU.`,
      );
      return lines;
    }
  }
  // Probe each size with the leanest choices only (ZeRO-3, full recomputation, micro-batch 1, no
  // interleaving); search that size fully once something fits.
  const lean = { zero: 3, recompute: 'full', microBatch: 1, interleave: 1 } as const;
  for (let k = 1; k <= 12; k++) {
    const gpus = input.cluster.gpus * 2 ** k;
    const cluster = { ...input.cluster, gpus };
    const scaled = { ...input, cluster, globalBatch: input.globalBatch * 2 ** k };
    const probe =
      tryPlan({ ...input, cluster, fixed: lean, limit: 1 }) ?? tryPlan({ ...scaled, fixed: lean, limit: 1 });
    if (!probe?.best) continue;
    const plan =
      tryPlan({ ...input, cluster, fixed: {}, limit: 1 }) ?? tryPlan({ ...scaled, fixed: {}, limit: 1 });
    if (plan?.best) {
      lines.push(
        `With ${formatInt(gpus)} GPUs, ${describeLayout(plan.best)} fits at ${formatDecimalBytes(plan.best.memoryPerGpuBytes.total)} per GPU.`,
      );
      return lines;
    }
  }
  lines.push(
    'Even thousands of times more GPUs do not help: activations alone exceed GPU memory. Shorten the sequence, use context parallelism, or a GPU with more memory.',
  );
  return lines;
}

function tryPlan(input: ParallelInput) {
  try {
    return planParallel(input);
  } catch (error) {
    if (isUserError(error)) return undefined;
    throw error;
  }
}

/**
 * Why the best layout ranks first: its estimated step time and what it is made of, then how the
 * runner-up compares, computed from both layouts' numbers: tied on the shown step time (3 significant
 * digits, as the ranking counts ties) or slower by how much, and more, less or the same memory per GPU.
 * Empty when nothing fits.
 */
export function rankingReason(layouts: readonly Layout[]): string {
  const [best, next] = layouts;
  if (!best) return '';
  const e = best.estimate;
  const share = (seconds: number) => `${formatSig((seconds / e.stepSeconds) * 100, 2)}%`;
  const parts = [`bubble ${formatSig(best.bubbleFraction * 100, 2)}% of compute`];
  if (best.tp > 1) parts.push(`TP traffic ${share(e.tpSeconds * (1 + best.bubbleFraction))} of the step`);
  if (best.pp > 1) parts.push(`PP traffic ${share(e.ppSeconds * (1 + best.bubbleFraction))}`);
  if (best.dp > 1) parts.push(`exposed DP traffic ${share(e.dpExposedSeconds)}`);
  if (best.recompute !== 'none') parts.push(`${best.recompute} recomputation`);
  let reason = `Ranked first for the lowest estimated step time, ${formatSig(e.stepSeconds)} s: ${parts.join(', ')}.`;
  if (next) reason += ` ${runnerUpSentence(best, next)}`;
  return reason;
}

/** How the runner-up compares with the best layout on step time and memory per GPU. */
function runnerUpSentence(best: Layout, next: Layout): string {
  const tied = shownStepSeconds(next.estimate.stepSeconds) === shownStepSeconds(best.estimate.stepSeconds);
  const bestMemory = best.memoryPerGpuBytes.total;
  const nextMemory = next.memoryPerGpuBytes.total;
  const memory =
    nextMemory === bestMemory
      ? `the same memory, ${formatDecimalBytes(nextMemory)} per GPU`
      : `${nextMemory > bestMemory ? 'more' : 'less'} memory, ${formatDecimalBytes(nextMemory)} vs ${formatDecimalBytes(bestMemory)} per GPU`;
  const runnerUp = `The runner-up (${describeLayout(next)})`;
  if (tied) {
    const rule = nextMemory > bestMemory ? '; ties go to the layout with less memory' : '';
    return `${runnerUp} ties on time at ${formatSig(next.estimate.stepSeconds)} s and needs ${memory}${rule}.`;
  }
  const slower = (next.estimate.stepSeconds / best.estimate.stepSeconds - 1) * 100;
  return `${runnerUp} is ${formatSig(slower, 2)}% slower (${formatSig(next.estimate.stepSeconds)} s) and needs ${memory}.`;
}
