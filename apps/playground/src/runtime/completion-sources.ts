import { DTYPE_BYTES, GPUS, MODELS } from '@mlsys/calc';
import { TOPIC_IDS } from '@mlsys/corpus';
import { kernelRegistry } from '@mlsys/kernels/pure';
import type { CompletionSources } from '../server/complete-line.js';

/** Values offered while typing: registry model ids, GPU ids, corpus topics, kernel names, KV dtypes. */
export const completionSources: CompletionSources = {
  model: () => MODELS.map((model) => model.id),
  gpu: () => GPUS.map((gpu) => gpu.id),
  topic: () => TOPIC_IDS,
  kernel: () => kernelRegistry.map((kernel) => kernel.name),
  dtype: () => Object.keys(DTYPE_BYTES),
};
