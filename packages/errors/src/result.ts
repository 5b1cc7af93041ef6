import type { UserError } from './user-error.js';

/** The outcome of a pure operation that may fail in an expected way. */
export type Result<T, E = UserError> = { ok: true; value: T } | { ok: false; error: E };

/** A successful {@link Result}. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** A failed {@link Result}. */
export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}
