import { isUserError } from '@mlsys/errors';
import { formatBinaryBytes, formatInt } from '../format/format-number.js';
import { type Layout, type ParallelInput, planParallel } from './planner.js';

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
  const memory = formatBinaryBytes(input.cluster.memoryBytes);
  if (closest) {
    lines.push(
      `The leanest layout searched (${describeLayout(closest)}) needs ${formatBinaryBytes(closest.memoryPerGpuBytes.total)} per GPU; each ${input.cluster.gpuName} has ${memory}.`,
    );
  }
  const pinned = Object.values(input.fixed ?? {}).some((value) => value !== undefined);
  if (pinned) {
    const free = tryPlan({ ...input, fixed: {}, limit: 1 });
    if (free?.best) {
      lines.push(
        `Without the pinned choices, ${describeLayout(free.best)} fits at ${formatBinaryBytes(free.best.memoryPerGpuBytes.total)} per GPU.`,
      );
      return lines;
    }
  }
  for (let k = 1; k <= 12; k++) {
    const gpus = input.cluster.gpus * 2 ** k;
    const cluster = { ...input.cluster, gpus };
    const plan =
      tryPlan({ ...input, cluster, fixed: {}, limit: 1 }) ??
      tryPlan({ ...input, cluster, fixed: {}, limit: 1, globalBatch: input.globalBatch * 2 ** k });
    if (plan?.best) {
      lines.push(
        `With ${formatInt(gpus)} GPUs, ${describeLayout(plan.best)} fits at ${formatBinaryBytes(plan.best.memoryPerGpuBytes.total)} per GPU.`,
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
