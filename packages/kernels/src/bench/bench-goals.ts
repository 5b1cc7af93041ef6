/**
 * The targets the bench prints results against (issue 3 of the project): each a ratio to a
 * ceiling measured in the same run, never a timed assertion.
 *
 * @module
 */

import type { MachineBaseline } from './machine-baseline.js';
import type { BenchResult } from './run-bench.js';

/** One goal and whether this run met it. */
export interface GoalCheck {
  goal: string;
  /** The achieved ratio (e.g. 0.72 = 72 % of the ceiling, or 35 = 35× the reference). */
  achieved: number;
  target: number;
  met: boolean;
  detail: string;
}

/** Best causal attention at seq 2048, 8 heads, head_dim 64 vs MatMul GFLOP/s (useful FLOPs only). */
const PREFILL_TARGET = 0.6;
/** Best decode step vs copy bandwidth. */
const DECODE_TARGET = 0.5;
/** Every ONNX kernel vs its plain-TS reference at its largest bench size. */
const SPEEDUP_TARGET = 20;

/** Checks the goals against a finished run, each kernel against the ceilings measured around it. */
export function checkGoals(
  ceilingsOf: (kernel: string) => MachineBaseline,
  results: readonly BenchResult[],
): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const onnx = (r: BenchResult) => r.variant !== 'reference' && r.ms !== undefined;

  const prefill = results.filter(
    (r) =>
      r.kernel === 'attention' &&
      onnx(r) &&
      r.shape.seq === 2048 &&
      r.shape.past === 0 &&
      r.shape.heads === 8 &&
      r.shape.head_dim === 64 &&
      r.shape.causal === true,
  );
  const bestPrefill = best(prefill, (r) => r.gflops ?? 0);
  if (bestPrefill) {
    const machine = ceilingsOf(bestPrefill.kernel);
    const achieved = (bestPrefill.gflops ?? 0) / machine.matmulGflops;
    checks.push({
      goal: 'causal attention, seq 2048, 8 heads, head_dim 64: best ≥ 60% of MatMul GFLOP/s (useful FLOPs)',
      achieved,
      target: PREFILL_TARGET,
      met: achieved >= PREFILL_TARGET,
      detail: `${bestPrefill.implementation}: ${bestPrefill.gflops!.toFixed(1)} of ${machine.matmulGflops.toFixed(1)} GFLOP/s`,
    });
  }

  const decodeShapes = new Map<string, BenchResult[]>();
  for (const r of results) {
    if (r.kernel !== 'attention' || !onnx(r) || r.shape.seq !== 1 || r.shape.past === 0) continue;
    const key = JSON.stringify(r.shape);
    decodeShapes.set(key, [...(decodeShapes.get(key) ?? []), r]);
  }
  for (const group of decodeShapes.values()) {
    const top = best(group, (r) => r.gbps ?? 0)!;
    const machine = ceilingsOf(top.kernel);
    const achieved = (top.gbps ?? 0) / machine.copyGBps;
    checks.push({
      goal: `decode step (${shapeText(top.shape)}): best ≥ 50% of copy GB/s`,
      achieved,
      target: DECODE_TARGET,
      met: achieved >= DECODE_TARGET,
      detail: `${top.implementation}: ${top.gbps!.toFixed(2)} of ${machine.copyGBps.toFixed(2)} GB/s`,
    });
  }

  for (const kernel of new Set(results.map((r) => r.kernel))) {
    const sizes = results.filter((r) => r.kernel === kernel && r.sizeIndex === r.sizeCount - 1);
    const reference = sizes.find((r) => r.variant === 'reference' && r.ms !== undefined);
    const graphs = sizes.filter(onnx);
    if (!reference || graphs.length === 0) continue;
    const slowest = best(graphs, (r) => r.ms!)!; // every ONNX kernel: the slowest must make it
    const achieved = reference.ms! / slowest.ms!;
    checks.push({
      goal: `${kernel} at ${shapeText(reference.shape)}: every ONNX implementation ≥ 20× the plain-TS reference`,
      achieved,
      target: SPEEDUP_TARGET,
      met: achieved >= SPEEDUP_TARGET,
      detail: `slowest ${slowest.implementation} ${slowest.ms!.toFixed(2)} ms vs reference ${reference.ms!.toFixed(1)} ms${
        slowest.boundBy === 'memory' ? `; ${bandwidthText(ceilingsOf(kernel), slowest, reference)}` : ''
      }`,
    });
  }
  return checks;
}

/**
 * For a memory-bound kernel: both rates against the copy ceiling, and the largest ratios any
 * implementation could reach — moving only the kernel's ideal bytes at copy speed, or in one
 * onnxruntime elementwise pass (a composed graph makes several), or doing nothing but hand its
 * output back through onnxruntime-node.
 */
function bandwidthText(machine: MachineBaseline, slowest: BenchResult, reference: BenchResult): string {
  const bytes = (slowest.gbps ?? 0) * slowest.ms! * 1e6;
  const copyMs = bytes / (machine.copyGBps * 1e6);
  const passMs = bytes / (machine.passGBps * 1e6);
  const returnMs = (slowest.outputBytes ?? 0) / (machine.returnGBps * 1e6);
  const atMost = (ms: number) => `at most ${(reference.ms! / ms).toFixed(0)}×`;
  return (
    `memory-bound: slowest ${(slowest.gbps ?? 0).toFixed(2)} GB/s, reference ${(reference.gbps ?? 0).toFixed(2)} GB/s, ` +
    `copy ${machine.copyGBps.toFixed(2)} GB/s; at copy speed ${copyMs.toFixed(2)} ms, ${atMost(copyMs)}; ` +
    `in one onnxruntime pass (${machine.passGBps.toFixed(2)} GB/s) ${passMs.toFixed(2)} ms, ${atMost(passMs)}; ` +
    `handing back its ${((slowest.outputBytes ?? 0) / 2 ** 20).toFixed(1)} MiB output through onnxruntime-node ` +
    `(${machine.returnGBps.toFixed(2)} GB/s) ${returnMs.toFixed(2)} ms, ${atMost(returnMs)}`
  );
}

/** `key=value …` of a shape. */
export function shapeText(shape: Record<string, unknown>): string {
  return Object.entries(shape)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join(' ');
}

function best<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  return [...items].sort((a, b) => score(b) - score(a))[0];
}
