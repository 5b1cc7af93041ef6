/**
 * Helpers for {@link HostTensor}s: make them, read them as plain numbers, compare them.
 *
 * @module
 */

import type { HostTensor, Tolerance } from './kernel-definition.js';
import type { TensorData, TensorDtype } from './onnx/data-type.js';
import { fromFloat16Bits } from './onnx/float16.js';

/** A host tensor; throws when `data` does not hold `product(dims)` elements. */
export function hostTensor(dtype: TensorDtype, dims: readonly number[], data: TensorData): HostTensor {
  const count = elementCount(dims);
  if (data.length !== count) throw new RangeError(`${data.length} elements for dims [${dims.join(', ')}].`);
  return { dtype, dims, data };
}

/** Number of elements of a shape (1 for a scalar). */
export function elementCount(dims: readonly number[]): number {
  return dims.reduce((product, dim) => product * dim, 1);
}

/** The values as JS numbers (float16 bits decoded, int64 converted). */
export function toNumbers(tensor: { dtype: TensorDtype; data: TensorData }): Float64Array {
  const { data } = tensor;
  if (tensor.dtype === 'float16') return Float64Array.from(data as Uint16Array, fromFloat16Bits);
  if (data instanceof BigInt64Array) return Float64Array.from(data, Number);
  return Float64Array.from(data as ArrayLike<number>);
}

/** How far `actual` is from `expected`. */
export interface Agreement {
  /** max |actual − expected| over all elements (NaN when any element is NaN on one side only). */
  maxAbsErr: number;
  /** Every element within `atol + rtol·|expected|` (numpy.allclose semantics; equal infinities agree). */
  withinTolerance: boolean;
}

/**
 * Compares two equally long value arrays elementwise.
 * @throws RangeError when their lengths differ.
 */
export function compareValues(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: Tolerance,
): Agreement {
  if (actual.length !== expected.length) {
    throw new RangeError(`Output has ${actual.length} values, the reference ${expected.length}.`);
  }
  let maxAbsErr = 0;
  let withinTolerance = true;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (a === e || (Number.isNaN(a) && Number.isNaN(e))) continue;
    const err = Math.abs(a - e);
    if (Number.isNaN(err)) {
      maxAbsErr = Number.NaN;
      withinTolerance = false;
      continue;
    }
    if (err > maxAbsErr) maxAbsErr = err; // stays NaN once NaN
    if (!(err <= tolerance.atol + tolerance.rtol * Math.abs(e))) withinTolerance = false;
  }
  return { maxAbsErr, withinTolerance };
}
