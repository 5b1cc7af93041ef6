import { closestNames, UserError } from '@mlsys/errors';
import type { Gpu } from './gpu.js';
import { GPUS } from './gpu-table.js';

/** Lower-case, with spaces, underscores and "nvidia"/"amd" prefixes folded away: `NVIDIA H100 SXM` → `h100-sxm`. */
function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/^(nvidia|amd)-?/, '');
}

const BY_NAME = new Map<string, Gpu>();
for (const gpu of GPUS) {
  for (const name of [gpu.id, ...gpu.aliases]) BY_NAME.set(name, gpu);
}

/** The GPU with this id or alias, or `undefined`. */
export function findGpu(name: string): Gpu | undefined {
  return BY_NAME.get(normalise(name));
}

/**
 * Reads a GPU name: an id (`h100-sxm`) or an alias (`h100` = H100 SXM, `a100` = A100 80GB, `4090`).
 *
 * @throws UserError with the closest names for an unknown GPU.
 */
export function parseGpu(raw: string): Gpu {
  const key = normalise(raw.slice(0, 64));
  const gpu = BY_NAME.get(key);
  if (gpu) return gpu;
  const shown = raw.trim().length > 24 ? `${raw.trim().slice(0, 24)}…` : raw.trim();
  throw new UserError(
    'calc/unknown-gpu',
    `Unknown GPU "${shown}". Known: ${GPUS.map((g) => g.id).join(', ')}.`,
    {
      example: 'gpu=h100',
      suggestions: closestNames(key, [...BY_NAME.keys()]),
    },
  );
}
