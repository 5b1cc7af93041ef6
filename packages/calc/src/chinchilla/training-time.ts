import { formatScientific, formatSig } from '../format/format-number.js';
import type { WorkStep } from '../work/work-step.js';
import type { ChinchillaCluster } from './chinchilla.js';

/**
 * Wall-clock training time `t = 6ND / (n · X_peak · MFU)`: the model FLOPs of `C = 6ND` at the
 * assumed model FLOPs utilisation. Narayanan et al. 2021 (arXiv:2104.04473, Eq. 4) write `8TP/(nX)`
 * instead, counting the extra forward pass of full activation recomputation in X.
 *
 * @param flops C, training FLOPs (6ND).
 */
export function trainingSteps(
  flops: number,
  cluster: ChinchillaCluster,
): { seconds: number; work: WorkStep[]; notes: string[] } {
  const seconds = flops / (cluster.gpus * cluster.peakFlops * cluster.mfu);
  return {
    seconds,
    work: [
      {
        label: `Training time on ${cluster.gpus} × ${cluster.gpuName}`,
        formula: 't = 6ND / (n · X_peak · MFU)',
        substituted: `${formatScientific(flops)} / (${cluster.gpus} · ${formatScientific(cluster.peakFlops)} · ${cluster.mfu})`,
        result: `${formatSig(seconds / 86_400)} days`,
      },
    ],
    notes: [
      `Time counts model FLOPs (6ND) at ${formatSig(cluster.mfu * 100, 2)}% MFU. With full recomputation the GPUs also run a second forward pass (8ND hardware FLOPs, Narayanan et al. 2021 Eq. 4: 8TP/(nX)).`,
    ],
  };
}
