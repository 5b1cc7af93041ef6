/**
 * Messages between the runner and its child process, and how errors cross the boundary (a
 * `UserError` keeps its code, message, example and suggestions; anything else becomes a plain Error).
 *
 * @module
 */

import { isUserError, UserError } from '@mlsys/errors';
import type { KernelRunRequest, KernelRunResult } from './run-types.js';

/** Runner → child. */
export interface ChildRequest {
  id: number;
  request: KernelRunRequest;
}

/** Child → runner. */
export type ChildResponse =
  | { id: number; ok: true; result: KernelRunResult }
  | { id: number; ok: false; error: SerializedError };

/** An error as data. */
export interface SerializedError {
  user: boolean;
  code: string;
  message: string;
  example?: string;
  suggestions: string[];
}

/** The error as data for `process.send`. */
export function serializeError(error: unknown): SerializedError {
  if (isUserError(error)) {
    const data: SerializedError = {
      user: true,
      code: error.code,
      message: error.message,
      suggestions: [...error.suggestions],
    };
    if (error.example !== undefined) data.example = error.example;
    return data;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { user: false, code: 'kernels/child-error', message, suggestions: [] };
}

/** The error back as an `Error` (a `UserError` when it was one). */
export function deserializeError(data: SerializedError): Error {
  if (!data.user) return new Error(`Kernel run failed: ${data.message}`);
  const options: { example?: string; suggestions: string[] } = { suggestions: data.suggestions };
  if (data.example !== undefined) options.example = data.example;
  return new UserError(data.code, data.message, options);
}
