import type { KernelRunResult } from '../../ports/kernel-runner.js';

/**
 * A fixed kernel result for tests of the reply and the command: one MQA decode step,
 * `/kernel attention seq=1 past=3 heads=2 kv_heads=1 head_dim=4`. FLOPs, bytes and memory follow
 * the attention formulas; the times, errors and values are made up.
 */
export const sampleResult: KernelRunResult = {
  kernel: 'attention',
  params: { kind: 'MQA', batch: 1, seq: 1, past: 3, heads: 2, kv_heads: 1, head_dim: 4, causal: true },
  seed: 1,
  outputDims: [1, 2, 1, 4],
  preview: [0.5, -1.25, 2, 0.125, 1, 2, 3, 4],
  // 4·B·H·D·pairs = 4·1·2·4·4, pairs = seq·past + seq(seq+1)/2 = 3 + 1
  flops: 128,
  // 4·(2·B·H·S·D + 2·B·KV·T·D) = 4·(2·1·2·1·4 + 2·1·1·4·4) bytes
  bytesMoved: 192,
  boundBy: 'memory',
  memory: [{ label: 'score matrix Q·Kᵀ', bytes: 32, formula: 'B·heads·S·T·4 = 1·2·1·4·4' }],
  threads: 2,
  baseline: 'reference',
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label: 'MatMul · scale + mask → Softmax → MatMul',
      ops: ['Reshape', 'Transpose', 'MatMul', 'Concat', 'Mul', 'Add', 'Softmax', 'Split'],
      status: 'ok',
      ms: 0.2,
      maxAbsErr: 2.5e-7,
      withinTolerance: true,
    },
    {
      id: 'gqa',
      variant: 'fused',
      label: 'com.microsoft.GroupQueryAttention',
      ops: ['Transpose', 'Reshape', 'com.microsoft.GroupQueryAttention'],
      status: 'ok',
      ms: 0.15,
      maxAbsErr: 1.5e-7,
      withinTolerance: true,
    },
    {
      id: 'mha',
      variant: 'fused',
      label: 'com.microsoft.MultiHeadAttention',
      ops: [],
      status: 'unavailable',
      note: 'MultiHeadAttention needs kv_heads = heads (no grouped key/value heads).',
    },
    {
      id: 'reference',
      variant: 'reference',
      label: 'plain TypeScript (float64)',
      ops: [],
      status: 'ok',
      ms: 1.5,
      maxAbsErr: 0,
      withinTolerance: true,
    },
  ],
};
