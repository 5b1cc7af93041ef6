/**
 * Every kernel the bot knows, in the order `/kernel` help and the bench list them. One line per
 * kernel: import its definition and append it to the array.
 *
 * @module
 */

import { closestNames, UserError } from '@mlsys/errors';
import type { AnyKernelDefinition } from './kernel-definition.js';
import { attentionKernel } from './kernels/attention/attention-kernel.js';
import { kmeansKernel } from './kernels/kmeans/kmeans-kernel.js';
import { layernormKernel } from './kernels/norm/layernorm-kernel.js';
import { rmsnormKernel } from './kernels/norm/rmsnorm-kernel.js';
import { ropeKernel } from './kernels/rope/rope-kernel.js';
import { sampleKernel } from './kernels/sampling/sample-kernel.js';
import { topkKernel } from './kernels/sampling/topk-kernel.js';
import { toppKernel } from './kernels/sampling/topp-kernel.js';
import { softmaxKernel } from './kernels/softmax/softmax-kernel.js';
import { swigluKernel } from './kernels/swiglu/swiglu-kernel.js';

/** The registered kernels. */
export const kernelRegistry: readonly AnyKernelDefinition[] = [
  attentionKernel,
  softmaxKernel,
  topkKernel,
  toppKernel,
  sampleKernel,
  layernormKernel,
  rmsnormKernel,
  ropeKernel,
  swigluKernel,
  kmeansKernel,
];

/**
 * The kernel named `name` (case-insensitive).
 * @throws UserError listing the kernels, with close matches, when there is none.
 */
export function findKernel(name: string): AnyKernelDefinition {
  const wanted = name.trim().toLowerCase();
  const found = kernelRegistry.find((kernel) => kernel.name === wanted);
  if (found) return found;
  const names = kernelRegistry.map((kernel) => kernel.name);
  throw new UserError(
    'kernels/unknown-kernel',
    `There is no kernel "${name}". Kernels: ${names.join(', ')}.`,
    {
      suggestions: closestNames(wanted, names),
      example: `/kernel ${names[0] ?? 'attention'}`,
    },
  );
}

/**
 * Raw args with each param's default filled in where the user gave none.
 * @throws UserError for a param name the kernel does not have.
 */
export function withDefaults(
  kernel: AnyKernelDefinition,
  args: Readonly<Record<string, string>>,
): Record<string, string> {
  const filled: Record<string, string> = {};
  const names = Object.keys(kernel.params);
  for (const [name, value] of Object.entries(args)) {
    if (!(name in kernel.params)) {
      throw new UserError('kernels/unknown-param', `Kernel ${kernel.name} has no param "${name}".`, {
        suggestions: closestNames(name, names),
        example: `/kernel ${kernel.name} ${kernel.examples[0] ?? ''}`.trim(),
      });
    }
    filled[name] = value;
  }
  for (const [name, param] of Object.entries(kernel.params)) {
    if (filled[name] === undefined && param.default !== undefined) filled[name] = param.default;
  }
  return filled;
}
