/**
 * `/kernel attention`: scaled dot-product attention, unmasked or causal; MHA, GQA or MQA; a prompt or
 * a decode step against a KV cache. Two composed graphs (whole, and in causal query blocks), three
 * fused onnxruntime ops, one plain-TS reference.
 *
 * @module
 */

import { defineKernel, type HostTensor, type KernelInputs } from '../../kernel-definition.js';
import { toFloat16Bits } from '../../onnx/float16.js';
import { randomNormalArray } from '../../random.js';
import { buildBlockedCausalAttention } from './attention-blocked.js';
import { buildComposedAttention } from './attention-composed.js';
import {
  attentionBoundBy,
  attentionBytes,
  attentionFlops,
  attentionMemoryNotes,
  attentionWorkBytes,
} from './attention-cost.js';
import { buildAttention23, buildGroupQueryAttention, buildMultiHeadAttention } from './attention-fused.js';
import {
  ATTENTION_PARAMS,
  type AttentionParams,
  attentionKind,
  parseAttentionParams,
} from './attention-params.js';
import { attentionReference } from './attention-reference.js';

/** The attention kernel. */
export const attentionKernel = defineKernel<AttentionParams>({
  name: 'attention',
  description: 'Scaled dot-product attention: causal or not, MHA/GQA/MQA, KV-cache decode',
  params: ATTENTION_PARAMS,
  examples: [
    'seq=512 heads=8 kv_heads=2 head_dim=64 causal=true',
    'seq=1 past=4096 heads=32 kv_heads=8 head_dim=128',
    'seq=8 heads=2 head_dim=4 causal=false',
  ],
  // Measured float32 agreement is ≤ 1.5e-6 against float64 (onnxruntime.md); the bound leaves room
  // for long rows, where summation order matters more.
  // float16 keeps 11 significant bits (unit roundoff 2^-11 ≈ 4.9e-4, IEEE 754 binary16); inputs are
  // rounded to it, so the float16 bound is set by rounding of scores and of the output.
  tolerance: { float32: { atol: 2e-5, rtol: 1e-4 }, float16: { atol: 4e-3, rtol: 4e-3 } },
  benchSizes: [
    { args: { seq: '512', heads: '8', head_dim: '64', causal: 'true' }, reference: true },
    { args: { seq: '1', past: '8192', heads: '8', head_dim: '64' }, reference: true },
    { args: { seq: '1', past: '8192', heads: '32', kv_heads: '8', head_dim: '128' }, reference: true },
    { args: { seq: '2048', heads: '8', head_dim: '64', causal: 'true' }, reference: true },
  ],
  parse: parseAttentionParams,
  makeInputs(params, random) {
    const { batch: B, seq: S, past: P, heads: H, kvHeads: KV, headDim: D } = params;
    const tensor = (dims: number[]): HostTensor => {
      const values = randomNormalArray(
        random,
        dims.reduce((a, b) => a * b, 1),
      );
      return params.dtype === 'float16'
        ? { dtype: 'float16', dims, data: Uint16Array.from(values, toFloat16Bits) }
        : { dtype: 'float32', dims, data: values };
    };
    const inputs: KernelInputs = {
      q: tensor([B, H, S, D]),
      k: tensor([B, KV, S, D]),
      v: tensor([B, KV, S, D]),
    };
    if (P > 0) {
      inputs.past_key = tensor([B, KV, P, D]);
      inputs.past_value = tensor([B, KV, P, D]);
    }
    return inputs;
  },
  flops: attentionFlops,
  bytesMoved: attentionBytes,
  boundBy: attentionBoundBy,
  workBytes: attentionWorkBytes,
  memoryNotes: attentionMemoryNotes,
  implementations: [
    {
      id: 'composed',
      variant: 'composed',
      label: 'MatMul · scale + mask → Softmax → MatMul',
      build: buildComposedAttention,
    },
    {
      id: 'blocked',
      variant: 'composed',
      label:
        'per block of 128 query rows, the same ops over only the keys it may see, masking only the diagonal key block',
      build: (params, inputs) => buildBlockedCausalAttention(params, inputs),
    },
    { id: 'attention-23', variant: 'fused', label: 'ONNX opset-23 Attention', build: buildAttention23 },
    {
      id: 'gqa',
      variant: 'fused',
      label: 'com.microsoft.GroupQueryAttention',
      build: buildGroupQueryAttention,
    },
    {
      id: 'mha',
      variant: 'fused',
      label: 'com.microsoft.MultiHeadAttention',
      build: buildMultiHeadAttention,
    },
  ],
  reference: attentionReference,
  describe: (params) => ({
    kind: attentionKind(params),
    batch: params.batch,
    seq: params.seq,
    past: params.past,
    heads: params.heads,
    kv_heads: params.kvHeads,
    head_dim: params.headDim,
    causal: params.causal,
    dtype: params.dtype,
  }),
});
