/**
 * @module @mlsys/kernels
 * Reference kernels as ONNX graphs built in TypeScript and run with onnxruntime-node, checked against
 * plain-TypeScript references. This entry point adds the runner (which loads onnxruntime in a child
 * process) to everything in `@mlsys/kernels/pure`.
 */

export * from './pure.js';
