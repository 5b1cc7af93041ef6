/**
 * Runs every registered kernel at its bench sizes, in this process: each ONNX implementation (one
 * warm-up, best of timed runs) and the plain-TS reference where the size allows, next to the
 * machine's ceilings measured in the same run, before the kernels and after each: each kernel's
 * ratios use the better of the measurements on either side of it.
 *
 * @module
 */

import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { KernelVariant } from '../kernel-definition.js';
import { kernelRegistry } from '../kernel-registry.js';
import { executeKernel } from '../runner/execute-kernel.js';
import { createSessionCache } from '../runner/session-cache.js';
import { checkGoals, type GoalCheck } from './bench-goals.js';
import { bestMachine, type MachineBaseline, measureMachine } from './machine-baseline.js';

/** One timed implementation at one size. */
export interface BenchResult {
  kernel: string;
  variant: KernelVariant;
  /** The implementation id (`composed`, `gqa`, …, `reference`). */
  implementation: string;
  shape: Record<string, number | string | boolean | number[]>;
  /** Best ms of one call over the timed runs; absent when unavailable or skipped. */
  ms?: number;
  gflops?: number;
  gbps?: number;
  /**
   * Achieved rate over the ceiling that bounds this kernel (MatMul GFLOP/s or copy GB/s), as measured
   * around the kernel (`BenchReport.ceilings`).
   */
  ratio?: number;
  boundBy: 'compute' | 'memory';
  /** Bytes of the output an ONNX call hands back (absent for the reference). */
  outputBytes?: number;
  maxAbsErr?: number;
  /** Why there is no time. */
  note?: string;
  /** Position of the size in the kernel's bench sizes, and their count. */
  sizeIndex: number;
  sizeCount: number;
}

/** A whole bench run. */
export interface BenchReport {
  /** The best of every ceiling measured in the run. */
  machine: MachineBaseline;
  /**
   * Per kernel, the ceilings its ratios use: the better of those measured just before and just after
   * it, so a kernel timed in one of a shared machine's slow windows is compared with the machine in
   * that window, not with its best moment.
   */
  ceilings: Record<string, MachineBaseline>;
  threads: number;
  results: BenchResult[];
  goals: GoalCheck[];
}

/** Options of {@link runBench}. */
export interface BenchOptions {
  /** Timed runs per implementation after the warm-up; default 5. */
  repeats?: number;
  /** onnxruntime intra-op threads; default `min(2, cores)`. */
  threads?: number;
  /** Only these kernels (all when absent). */
  kernels?: readonly string[];
  /** Called after each size, for progress output. */
  onProgress?: (line: string) => void;
}

/** Runs the bench. */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const threads = options.threads ?? Math.min(2, availableParallelism());
  const collectGarbage = garbageCollector();
  const sessions = createSessionCache(threads, 4);
  try {
    let before = await measureMachine(sessions);
    let machine = before;
    const ceilings: Record<string, MachineBaseline> = {};
    const results: BenchResult[] = [];
    const kernels = kernelRegistry.filter((k) => !options.kernels || options.kernels.includes(k.name));
    for (const kernel of kernels) {
      for (const [sizeIndex, size] of kernel.benchSizes.entries()) {
        const run = await executeKernel(
          { kernel: kernel.name, args: size.args, repeats: options.repeats ?? 5 },
          {
            sessions,
            threads,
            maxReferenceFlops: size.reference ? Number.POSITIVE_INFINITY : -1,
            maxWorkBytes: Number.POSITIVE_INFINITY,
            statistic: 'min',
            referenceRuns: options.repeats ?? 5,
            collectGarbage,
          },
        );
        for (const impl of run.implementations) {
          const result: BenchResult = {
            kernel: kernel.name,
            variant: impl.variant,
            implementation: impl.id,
            shape: run.params,
            boundBy: run.boundBy,
            sizeIndex,
            sizeCount: kernel.benchSizes.length,
          };
          if (impl.ms !== undefined) {
            result.ms = impl.ms;
            result.gflops = run.flops / (impl.ms * 1e6);
            result.gbps = run.bytesMoved / (impl.ms * 1e6);
          }
          if (impl.variant !== 'reference') result.outputBytes = run.outputBytes;
          if (impl.maxAbsErr !== undefined) result.maxAbsErr = impl.maxAbsErr;
          if (impl.note !== undefined) result.note = impl.note;
          results.push(result);
        }
        options.onProgress?.(`${kernel.name} ${sizeIndex + 1}/${kernel.benchSizes.length} done`);
      }
      await sessions.clear(); // give the arena's memory back between kernels
      const after = await measureMachine(sessions);
      ceilings[kernel.name] = bestMachine(before, after);
      machine = bestMachine(machine, after);
      before = after;
    }
    const ceilingsOf = (kernel: string) => ceilings[kernel]!;
    for (const result of results) {
      if (result.ms === undefined) continue;
      const ceiling = ceilingsOf(result.kernel);
      result.ratio =
        result.boundBy === 'memory' ? result.gbps! / ceiling.copyGBps : result.gflops! / ceiling.matmulGflops;
    }
    return { machine, ceilings, threads, results, goals: checkGoals(ceilingsOf, results) };
  } finally {
    await sessions.clear();
  }
}

/**
 * V8's full garbage collection, as `--expose-gc` would give it, without needing the flag on the
 * command line (`mlsys kernel bench` runs in the CLI's process): the flag set at run time exposes
 * `gc` to contexts created afterwards.
 */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
