/**
 * Small helpers the kernels of this folder share to read their inputs.
 *
 * @module
 */

import type { KernelInputs } from '../../kernel-definition.js';

/** The data of a float32 input. @throws Error when it is missing or not float32 (a programming error). */
export function float32Input(inputs: KernelInputs, name: string): Float32Array {
  const tensor = inputs[name];
  if (!tensor || !(tensor.data instanceof Float32Array)) throw new Error(`missing float32 input "${name}"`);
  return tensor.data;
}

/** A one-element float32 input `[1]`, e.g. a temperature fed at run time instead of baked into the graph. */
export function scalarInput(value: number): { dtype: 'float32'; dims: number[]; data: Float32Array } {
  return { dtype: 'float32', dims: [1], data: Float32Array.of(value) };
}
