/**
 * The bench as text (one table per kernel, implementations side by side) and as the JSON of
 * `mlsys kernel bench --json`.
 *
 * @module
 */

import { shapeText } from './bench-goals.js';
import type { BenchReport, BenchResult } from './run-bench.js';

/** The `--json` form: `{ machine, results: [{ kernel, variant, shape, ms, gflops?, gbps?, maxAbsErr }] }` plus goals. */
export function benchToJson(report: BenchReport): unknown {
  return {
    machine: report.machine,
    ceilings: report.ceilings,
    threads: report.threads,
    results: report.results
      .filter((r) => r.ms !== undefined)
      .map((r) => ({
        kernel: r.kernel,
        variant: r.variant,
        implementation: r.implementation,
        shape: r.shape,
        ms: r.ms,
        ...(r.boundBy === 'memory' ? { gbps: r.gbps } : { gflops: r.gflops }),
        ratio: r.ratio,
        maxAbsErr: r.maxAbsErr ?? 0,
      })),
    goals: report.goals,
  };
}

/** The report as aligned text. */
export function benchToText(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `Machine (each ceiling the best of its measurements, taken before the kernels and after each; a kernel's % and goals use the better of the two measurements around it): MatMul ${machine.matmulGflops.toFixed(1)} GFLOP/s (onnxruntime, ${report.threads} threads, best of n=1024/2048), ` +
      `copy ${machine.copyGBps.toFixed(2)} GB/s (256 MiB memcpy, read+write counted, 1 thread), ` +
      `one onnxruntime elementwise pass ${machine.passGBps.toFixed(2)} GB/s (Add over 16 MiB, ${report.threads} threads; no op of a graph over a tensor that size moves its bytes faster), ` +
      `handing a 16 MiB output back through onnxruntime-node ${machine.returnGBps.toFixed(2)} GB/s (a graph that only fills it; every call pays this for its output).`,
    'Each cell: best ms of one call (5 runs after a warm-up, fetched into a buffer allocated once, which onnxruntime-node 1.30 writes and still returns the output in a new buffer; the plain-TS reference, which allocates its float64 output each call, the same way while its runs take under 1 s in all, else once) · GFLOP/s (compute-bound) or GB/s (memory-bound) · % of that ceiling. GB = 10⁹ B.',
    "Sessions run at onnxruntime's graph optimisation level 'all', which rewrites the composed LayerNorm and RMSNorm graphs into its own fused kernels: there composed and fused time much the same code.",
    '',
  ];
  for (const kernel of new Set(report.results.map((r) => r.kernel))) {
    const rows = report.results.filter((r) => r.kernel === kernel);
    const implementations = [...new Set(rows.map((r) => r.implementation))];
    const shapes = [...new Set(rows.map((r) => r.sizeIndex))];
    const table = [['shape', ...implementations]];
    for (const index of shapes) {
      const atSize = rows.filter((r) => r.sizeIndex === index);
      table.push([
        shapeText(atSize[0]!.shape),
        ...implementations.map((id) => cell(atSize.find((r) => r.implementation === id))),
      ]);
    }
    lines.push(`## ${kernel}`, ...alignTable(table), '');
  }
  lines.push('Goals (ratios measured in this run):');
  for (const goal of report.goals) {
    const achieved =
      goal.target >= 1 ? `${goal.achieved.toFixed(1)}×` : `${(goal.achieved * 100).toFixed(0)}%`;
    lines.push(`  ${goal.met ? 'met    ' : 'NOT met'}  ${goal.goal}: ${achieved} (${goal.detail})`);
  }
  return lines.join('\n');
}

function cell(result: BenchResult | undefined): string {
  if (!result) return '';
  if (result.ms === undefined) return result.variant === 'reference' ? 'skipped' : 'n/a';
  const rate =
    result.boundBy === 'memory' ? `${result.gbps!.toFixed(2)} GB/s` : `${result.gflops!.toFixed(2)} GFLOP/s`;
  return `${formatMs(result.ms)} · ${rate} · ${(result.ratio! * 100).toFixed(result.ratio! < 0.1 ? 1 : 0)}%`;
}

function formatMs(ms: number): string {
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return ms >= 1 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(3)} ms`;
}

function alignTable(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows.map((row) =>
    row
      .map((text, col) => text.padEnd(widths[col]!))
      .join('  ')
      .trimEnd(),
  );
}
