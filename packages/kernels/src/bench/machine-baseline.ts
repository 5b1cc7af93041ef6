/**
 * The machine's own ceilings, measured in the same run as the kernels so every ratio compares like
 * with like: onnxruntime MatMul GFLOP/s, memory-copy GB/s, the speed of one onnxruntime
 * elementwise pass (what each op of a memory-bound graph can reach at most), and the speed at which
 * onnxruntime-node hands an output back to JavaScript (what every call pays on top of its ops).
 *
 * @module
 */

import * as ort from 'onnxruntime-node';
import { createGraphBuilder } from '../onnx/graph-builder.js';
import { createRandom, randomNormalArray } from '../random.js';
import type { SessionCache } from '../runner/session-cache.js';

/** Measured ceilings. */
export interface MachineBaseline {
  /** Best onnxruntime MatMul rate over n×n·n×n products, n ∈ {1024, 2048}, 10⁹ FLOP/s (2n³ FLOPs each). */
  matmulGflops: number;
  /** Best memcpy rate of a 256 MiB buffer, 10⁹ B/s, counting bytes read plus bytes written (STREAM "Copy" convention, McCalpin 1995). */
  copyGBps: number;
  /**
   * Best onnxruntime `Add` of a scalar over a 16 MiB float32 tensor (the size of the largest
   * memory-bound bench inputs, so the caches help it as much as them) into a pre-allocated output,
   * with the sessions' intra-op threads, 10⁹ B/s read plus written: one elementwise pass. Every op of
   * a graph reads and writes its tensors in full, so a memory-bound op over such a tensor cannot
   * beat this, nor a composed graph of k such ops k passes.
   */
  passGBps: number;
  /**
   * Best onnxruntime-node call whose graph only fills a 16 MiB float32 output (`Expand` of a scalar)
   * into a pre-allocated output, 10⁹ B/s of output. onnxruntime-node 1.30 writes the pre-allocated
   * buffer and still returns the output in a newly allocated one (measured here: about 1,100 page
   * faults per call at this size), so no kernel returning that many bytes through it is faster.
   */
  returnGBps: number;
}

/** Measures the four ceilings (about 2 s). */
export async function measureMachine(sessions: SessionCache): Promise<MachineBaseline> {
  let matmulGflops = 0;
  for (const [n, runs] of [
    [1024, 10],
    [2048, 4],
  ] as const) {
    const ms = await timeMatMul(sessions, n, runs);
    matmulGflops = Math.max(matmulGflops, (2 * n ** 3) / (ms * 1e6));
  }
  return {
    matmulGflops,
    copyGBps: await measureCopy(),
    passGBps: (2 * PASS_BYTES) / ((await timePass(sessions, 'pass')) * 1e6),
    returnGBps: PASS_BYTES / ((await timePass(sessions, 'return')) * 1e6),
  };
}

/**
 * The better of two measurements, ceiling by ceiling. A ceiling is what the machine can do, so the
 * bench keeps the better of the measurements taken just before and just after each kernel (and the
 * best of all for its header): one measurement taken while a neighbour on a shared machine is busy
 * would understate it and flatter the ratios (seen here: MatMul 182 and 241 GFLOP/s in runs measured
 * only at their start and end, 300–340 in others; this VM has slow windows of tens of seconds).
 */
export function bestMachine(a: MachineBaseline, b: MachineBaseline): MachineBaseline {
  return {
    matmulGflops: Math.max(a.matmulGflops, b.matmulGflops),
    copyGBps: Math.max(a.copyGBps, b.copyGBps),
    passGBps: Math.max(a.passGBps, b.passGBps),
    returnGBps: Math.max(a.returnGBps, b.returnGBps),
  };
}

/** The tensor size of the pass and return measurements: 16 MiB of float32. */
const PASS_BYTES = 16 * 2 ** 20;

/**
 * Best ms of one call producing a 16 MiB float32 output: from a 16 MiB input plus one (`pass`), or
 * from a scalar input (`return`: the op only fills its output).
 */
async function timePass(sessions: SessionCache, kind: 'pass' | 'return'): Promise<number> {
  const count = PASS_BYTES / 4;
  const g = createGraphBuilder({ name: `elementwise-${kind}` });
  const inputCount = kind === 'pass' ? count : 1;
  const x = g.input('x', 'float32', [inputCount]);
  const y =
    kind === 'pass'
      ? g.node('Add', [x, g.constant('one', 'float32', [], [1])])
      : g.node('Expand', [x, g.constant('output_shape', 'int64', [1], [count])]);
  g.output(y, 'float32', [count]);
  const session = await sessions.get(g.build());
  const feeds = { x: new ort.Tensor('float32', new Float32Array(inputCount).fill(1), [inputCount]) };
  const fetches = { [y]: new ort.Tensor('float32', new Float32Array(count), [count]) };
  return bestOf(5, () => session.run(feeds, fetches));
}

async function timeMatMul(sessions: SessionCache, n: number, runs: number): Promise<number> {
  const g = createGraphBuilder({ name: `matmul-${n}` });
  const a = g.input('a', 'float32', [n, n]);
  const b = g.input('b', 'float32', [n, n]);
  g.output(g.node('MatMul', [a, b], {}, { outputs: ['c'] }), 'float32', [n, n]);
  const session = await sessions.get(g.build());
  const random = createRandom(1);
  const feeds = {
    a: new ort.Tensor('float32', randomNormalArray(random, n * n), [n, n]),
    b: new ort.Tensor('float32', randomNormalArray(random, n * n), [n, n]),
  };
  return bestOf(runs, () => session.run(feeds));
}

async function measureCopy(): Promise<number> {
  const bytes = 256 * 2 ** 20;
  const source = new Float32Array(bytes / 4).fill(1);
  const target = new Float32Array(bytes / 4);
  const ms = await bestOf(5, () => target.set(source));
  return (2 * bytes) / (ms * 1e6);
}

/** Best ms of `runs` timed calls of `work`, after one untimed call (warm-up; touches every page once). */
async function bestOf(runs: number, work: () => unknown): Promise<number> {
  await work();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
