/**
 * Runs one kernel request in the current process: seeded inputs, the plain-TS reference, every ONNX
 * implementation (one warm-up, then the median of timed runs), and their agreement. The runner calls
 * this inside its child process; the bench calls it directly.
 *
 * @module
 */

import * as ort from 'onnxruntime-node';
import { compareValues, elementCount, toNumbers } from '../host-tensor.js';
import { type HostTensor, isUnavailable, type KernelInputs } from '../kernel-definition.js';
import { createRandom } from '../random.js';
import { DEFAULT_MAX_WORK_BYTES, prepareRun } from './prepare-run.js';
import type { ImplementationResult, KernelRunRequest, KernelRunResult } from './run-types.js';
import type { SessionCache } from './session-cache.js';

/** How {@link executeKernel} runs. */
export interface ExecuteOptions {
  sessions: SessionCache;
  /** The intra-op thread count the sessions were made with (reported). */
  threads: number;
  /** Skip the plain-TS reference above this many FLOPs (it runs at roughly 1 GFLOP/s). */
  maxReferenceFlops: number;
  maxWorkBytes?: number;
  /**
   * How the timed runs become one time: `median` (default; what a user would typically see) or `min`
   * (best of, as the bench's MatMul and copy ceilings are measured, so ratios compare like with like).
   */
  statistic?: 'median' | 'min';
  /**
   * Runs of the plain-TS reference, timed with the same statistic while they take under
   * REFERENCE_BUDGET_MS in all (default 1: a user's `/kernel` run pays for one; the bench asks for
   * as many as the graphs get, so a cold first run does not stand for the reference's speed).
   */
  referenceRuns?: number;
  /**
   * Called before each timed run, so that garbage left by earlier work is not collected inside it
   * (the bench passes V8's `gc`: after the attention references, the softmax reference measured 161
   * ms instead of 72 without it). Absent for a user's `/kernel` run.
   */
  collectGarbage?: () => void;
}

/** The reference runs again (for a steadier time) only while its runs took less than this, ms. */
const REFERENCE_BUDGET_MS = 1_000;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Values shown from the output. */
const PREVIEW_VALUES = 64;

/**
 * Runs the request.
 * @throws UserError for a bad request (see `prepareRun`); other errors are bugs or onnxruntime failures.
 */
export async function executeKernel(
  request: KernelRunRequest,
  options: ExecuteOptions,
): Promise<KernelRunResult> {
  const { kernel, params } = prepareRun(request, options.maxWorkBytes ?? DEFAULT_MAX_WORK_BYTES);
  const seed = request.seed ?? 1;
  const repeats = Math.max(1, request.repeats ?? 3);
  const inputs = kernel.makeInputs(params, createRandom(seed));
  const flops = kernel.flops(params);

  const results: ImplementationResult[] = [];
  let expected: Float64Array | undefined;
  let outputDims: number[] = [];
  let outputBytes = 0;
  const referenceResult: ImplementationResult = {
    id: 'reference',
    variant: 'reference',
    label: 'plain TypeScript (float64)',
    ops: [],
    status: 'skipped',
  };
  if (flops <= options.maxReferenceFlops) {
    const runs = Math.max(1, options.referenceRuns ?? 1);
    const times: number[] = [];
    let reference: HostTensor | undefined;
    while (times.length < runs && (times.length === 0 || sum(times) < REFERENCE_BUDGET_MS)) {
      options.collectGarbage?.();
      const start = performance.now();
      reference = kernel.reference(params, inputs);
      times.push(performance.now() - start);
    }
    if (!reference) throw new Error('unreachable: the reference ran at least once');
    referenceResult.ms = options.statistic === 'min' ? Math.min(...times) : median(times);
    referenceResult.status = 'ok';
    referenceResult.maxAbsErr = 0;
    referenceResult.withinTolerance = true;
    expected = toNumbers(reference);
    outputDims = [...reference.dims];
  } else {
    referenceResult.note = `skipped: ${(flops / 1e9).toFixed(1)} GFLOP is above the ${(options.maxReferenceFlops / 1e9).toFixed(1)} GFLOP limit for plain TypeScript`;
  }

  for (const implementation of kernel.implementations) {
    const graph = implementation.build(params, inputs);
    const base = { id: implementation.id, variant: implementation.variant, label: implementation.label };
    if (isUnavailable(graph)) {
      results.push({ ...base, ops: [], status: 'unavailable', note: graph.unavailable });
      continue;
    }
    let output: ort.Tensor;
    const times: number[] = [];
    try {
      const session = await options.sessions.get(graph.model);
      const feeds = toFeeds(graph.feeds);
      const warmUp = (await session.run(feeds, [graph.output]))[graph.output]!;
      // Timed runs fetch into a buffer allocated once, as a caller running the kernel in a loop
      // would. onnxruntime writes it, and onnxruntime-node 1.30 still returns the output in a new
      // buffer each call: that cost is the kernel's too (the bench measures it as `returnGBps`).
      output = preallocated(warmUp);
      const fetches = { [graph.output]: output };
      for (let i = 0; i < repeats; i++) {
        options.collectGarbage?.();
        const start = performance.now();
        await session.run(feeds, fetches);
        times.push(performance.now() - start);
      }
    } catch (error) {
      // An op onnxruntime does not implement for these shapes or types: report it, keep the others.
      results.push({
        ...base,
        ops: [...graph.ops],
        status: 'unavailable',
        note: `onnxruntime: ${firstLine(error)}`,
      });
      continue;
    }
    const dtype = output.type as HostTensor['dtype'];
    const data = output.data as HostTensor['data'];
    outputBytes = data.byteLength;
    const actual = toNumbers({ dtype, data });
    if (expected === undefined) {
      // No reference: the first (composed) graph becomes the baseline the others are checked against.
      expected = actual;
      outputDims = [...output.dims];
    }
    const tolerance = kernel.tolerance[dtype] ?? kernel.tolerance.float32;
    results.push({
      ...base,
      ops: [...graph.ops],
      status: 'ok',
      ms: options.statistic === 'min' ? Math.min(...times) : median(times),
      ...compareValues(actual, expected, tolerance),
    });
  }

  return {
    kernel: kernel.name,
    params: kernel.describe(params),
    seed,
    outputDims,
    outputBytes,
    preview: expected ? [...expected.subarray(0, PREVIEW_VALUES)] : [],
    flops,
    bytesMoved: kernel.bytesMoved(params),
    boundBy: kernel.boundBy(params),
    memory: kernel.memoryNotes?.(params) ?? [],
    threads: options.threads,
    baseline: referenceResult.status === 'ok' ? 'reference' : 'composed',
    implementations: [...results, referenceResult],
  };
}

/** An empty tensor of the type and shape of `like`, for onnxruntime to write outputs into. */
function preallocated(like: ort.Tensor): ort.Tensor {
  const Data = (like.data as HostTensor['data']).constructor as new (length: number) => HostTensor['data'];
  return new ort.Tensor(like.type as HostTensor['dtype'], new Data(like.size), [...like.dims]);
}

/** onnxruntime tensors over the same memory (inputs are zero-copy). */
function toFeeds(inputs: KernelInputs): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const [name, tensor] of Object.entries(inputs)) {
    if (tensor.data.length !== elementCount(tensor.dims))
      throw new RangeError(`Feed ${name} has the wrong size.`);
    feeds[name] = new ort.Tensor(tensor.dtype, tensor.data, [...tensor.dims]);
  }
  return feeds;
}

/**
 * The useful part of an onnxruntime error: after "Status Message:", without the source path and the
 * C++ assertion, first line only, at most 200 characters.
 */
function firstLine(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  message = message.split('Status Message: ').pop()!.split('\n')[0]!.trim();
  message = message.replace(/^\/\S+:\d+\s+/, '');
  if (message.includes(' was false. ')) message = message.split(' was false. ').pop()!;
  return message.length > 200 ? `${message.slice(0, 197)}…` : message;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
