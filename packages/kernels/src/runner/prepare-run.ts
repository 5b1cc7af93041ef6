/**
 * Checks a run request before any work: the kernel exists, its params parse, and its working memory
 * fits the cap. Runs in the bot's process (fast errors) and again in the child (the source of truth).
 *
 * @module
 */

import { UserError } from '@mlsys/errors';
import type { AnyKernelDefinition } from '../kernel-definition.js';
import { findKernel, withDefaults } from '../kernel-registry.js';
import type { KernelRunRequest } from './run-types.js';

/** 1 GiB: the default cap on a run's working memory (2^30 bytes). */
export const DEFAULT_MAX_WORK_BYTES = 2 ** 30;

/** A request resolved to its kernel and typed params. */
export interface PreparedRun {
  kernel: AnyKernelDefinition;
  params: unknown;
  workBytes: number;
}

/**
 * Resolves and checks a request.
 * @throws UserError for an unknown kernel, a bad param, or working memory above `maxWorkBytes`
 *   (naming the need, the cap and a right example).
 */
export function prepareRun(request: KernelRunRequest, maxWorkBytes: number): PreparedRun {
  const kernel = findKernel(request.kernel);
  const params = kernel.parse(withDefaults(kernel, request.args));
  const workBytes = kernel.workBytes(params);
  if (workBytes > maxWorkBytes) {
    throw new UserError(
      'kernels/too-large',
      `${kernel.name} at these sizes needs about ${formatGiB(workBytes)} of working memory; the cap is ${formatGiB(maxWorkBytes)}. Use smaller sizes.`,
      { example: `/kernel ${kernel.name} ${kernel.examples[0] ?? ''}`.trim() },
    );
  }
  return { kernel, params, workBytes };
}

function formatGiB(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.ceil(bytes / 2 ** 20)} MiB`;
}
