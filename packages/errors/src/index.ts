/**
 * @module @mlsys/errors
 * The user-safe error shared by every package, a small `Result` type for pure code, and the
 * "did you mean" matcher used to build suggestions.
 */
export { closestNames, editDistance } from './closest-names.js';
export { err, ok, type Result } from './result.js';
export { isUserError, UserError } from './user-error.js';
