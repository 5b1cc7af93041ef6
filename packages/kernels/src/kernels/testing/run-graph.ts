/**
 * Test support: runs a kernel's ONNX implementations in this process (no child process, no caps) and
 * compares each with the plain-TypeScript reference, as the runner does. Tests only.
 *
 * @module
 */

import * as ort from 'onnxruntime-node';
import { compareValues, toNumbers } from '../../host-tensor.js';
import {
  type HostTensor,
  isUnavailable,
  type KernelDefinition,
  type KernelGraph,
  type KernelInputs,
} from '../../kernel-definition.js';
import { createRandom } from '../../random.js';

/** Runs one graph and returns its output tensor. */
export async function runGraph(graph: KernelGraph): Promise<HostTensor> {
  const session = await ort.InferenceSession.create(graph.model);
  try {
    const feeds: Record<string, ort.Tensor> = {};
    for (const [name, tensor] of Object.entries(graph.feeds)) {
      feeds[name] = new ort.Tensor(tensor.dtype, tensor.data, [...tensor.dims]);
    }
    const outputs = await session.run(feeds, [graph.output]);
    const out = outputs[graph.output]!;
    return {
      dtype: out.type as HostTensor['dtype'],
      dims: [...out.dims],
      data: out.data as HostTensor['data'],
    };
  } finally {
    await session.release();
  }
}

/** How one implementation did against the reference. */
export interface ImplementationCheck {
  id: string;
  /** Why it did not run, when it does not apply to these params. */
  unavailable?: string;
  maxAbsErr: number;
  withinTolerance: boolean;
  dims: readonly number[];
  values: Float64Array;
}

/**
 * Parses `args`, makes seeded inputs, runs every implementation and compares it with the reference
 * using the kernel's float32 tolerance (or the one of the reference's dtype when the kernel gives one).
 */
export async function checkKernel<P>(
  kernel: KernelDefinition<P>,
  args: Readonly<Record<string, string>>,
  seed: number,
): Promise<{ params: P; inputs: KernelInputs; reference: HostTensor; checks: ImplementationCheck[] }> {
  const params = kernel.parse(args);
  const inputs = kernel.makeInputs(params, createRandom(seed));
  const reference = kernel.reference(params, inputs);
  const expected = toNumbers(reference);
  const checks: ImplementationCheck[] = [];
  for (const implementation of kernel.implementations) {
    const graph = implementation.build(params, inputs);
    if (isUnavailable(graph)) {
      checks.push({
        id: implementation.id,
        unavailable: graph.unavailable,
        maxAbsErr: 0,
        withinTolerance: true,
        dims: [],
        values: new Float64Array(0),
      });
      continue;
    }
    const out = await runGraph(graph);
    const values = toNumbers(out);
    const tolerance =
      kernel.tolerance[out.dtype] ?? kernel.tolerance[reference.dtype] ?? kernel.tolerance.float32;
    checks.push({
      id: implementation.id,
      ...compareValues(values, expected, tolerance),
      dims: out.dims,
      values,
    });
  }
  return { params, inputs, reference, checks };
}
