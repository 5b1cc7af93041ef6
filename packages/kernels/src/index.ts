/**
 * @module @mlsys/kernels
 * Reference kernels as ONNX graphs built in TypeScript and run with onnxruntime-node, checked against
 * plain-TypeScript references. This entry point adds the runner (which loads onnxruntime, in a child
 * process or, for the bench, in this one) to everything in `@mlsys/kernels/pure`.
 */

export { checkGoals, type GoalCheck } from './bench/bench-goals.js';
export { benchToJson, benchToText } from './bench/bench-report.js';
export { type MachineBaseline, measureMachine } from './bench/machine-baseline.js';
export { type BenchOptions, type BenchReport, type BenchResult, runBench } from './bench/run-bench.js';
export * from './pure.js';
export { type ExecuteOptions, executeKernel } from './runner/execute-kernel.js';
export { createKernelRunner, type KernelRunner, type KernelRunnerOptions } from './runner/kernel-runner.js';
export { DEFAULT_MAX_WORK_BYTES, type PreparedRun, prepareRun } from './runner/prepare-run.js';
export type { ImplementationResult, KernelRunRequest, KernelRunResult } from './runner/run-types.js';
export { createSessionCache, type SessionCache } from './runner/session-cache.js';
