import { UserError } from '@mlsys/errors';
import type { Architecture, LayerAttention } from '../model/architecture.js';

/** Layers of one attention kind, with what each keeps. */
export interface KvGroup {
  /** `full`, `sliding`, `chunked`, `mla` or `mamba`. */
  kind: LayerAttention['kind'];
  /** Window or chunk size for sliding and chunked layers. */
  span?: number;
  /** Number of layers of this kind. */
  layers: number;
  /** Cached elements per token per layer (K and V together; the latent for MLA; 0 for Mamba). */
  elementsPerToken: number;
  /** Fixed state elements per sequence per layer (Mamba conv + SSM state; 0 otherwise). */
  stateElements: number;
  /** Tokens a layer of this kind keeps for a context of `tokens`. */
  kept: number;
}

/** What to compute the layout for. */
export interface KvLayoutOptions {
  tokens: number;
  /** Tensor-parallel degree: KV heads and Mamba channels are split, the MLA latent is replicated. */
  tp: number;
  /** Replace the model's KV-head count (for the MHA/MQA comparison). */
  kvHeads?: number;
}

/**
 * Groups the layers by attention kind and gives, for one GPU of a `tp`-way group, the cached elements
 * per token and the tokens kept at a context of `tokens`:
 * full → 2·n_kv·d_head for all T; sliding W → min(T, W); chunked C → min(T, C); MLA →
 * kv_lora_rank + qk_rope_head_dim, once per layer (DeepSeek-V2 §2.1; vLLM MLAAttentionSpec);
 * Mamba → (d_conv + d_state)·I per sequence, independent of T.
 * With TP each GPU holds max(n_kv/tp, 1) KV heads (vLLM replicates heads once tp > n_kv).
 */
export function kvLayout(arch: Architecture, options: KvLayoutOptions): KvGroup[] {
  const { tokens, tp } = options;
  const kvHeads = options.kvHeads ?? arch.attention.kvHeads;
  const hasStandard = arch.layers.some((l) => l.attention.kind !== 'mla' && l.attention.kind !== 'mamba');
  const standard = hasStandard ? 2 * kvHeadsPerGpu(kvHeads, tp) * arch.attention.headDim : 0;
  const groups = new Map<string, KvGroup>();
  for (const layer of arch.layers) {
    const a = layer.attention;
    const span = a.kind === 'sliding' ? a.window : a.kind === 'chunked' ? a.chunk : undefined;
    const key = `${a.kind}:${span ?? ''}`;
    const existing = groups.get(key);
    if (existing) {
      existing.layers++;
      continue;
    }
    const group: KvGroup = { kind: a.kind, layers: 1, elementsPerToken: 0, stateElements: 0, kept: tokens };
    if (span !== undefined) {
      group.span = span;
      group.kept = Math.min(tokens, span);
    }
    if (a.kind === 'mla') {
      const mla = arch.mla;
      group.elementsPerToken = mla ? mla.kvLoraRank + mla.qkRopeHeadDim : 0;
    } else if (a.kind === 'mamba') {
      const m = arch.mamba;
      group.kept = 0;
      group.stateElements = m ? ((m.dConv + m.dState) * m.inner) / tp : 0;
    } else {
      group.elementsPerToken = standard;
    }
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * KV heads one GPU holds under tensor parallelism: n_kv / tp when tp divides n_kv, 1 (replicated)
 * when n_kv divides tp.
 *
 * @throws UserError when neither divides the other (vLLM refuses such a split too).
 */
export function kvHeadsPerGpu(kvHeads: number, tp: number): number {
  if (tp <= kvHeads) {
    if (kvHeads % tp !== 0) {
      throw new UserError('calc/bad-tp', `tp=${tp} does not divide the model's ${kvHeads} KV heads evenly.`, {
        example: `tp=${largestDivisorAtMost(kvHeads, tp)}`,
      });
    }
    return kvHeads / tp;
  }
  if (tp % kvHeads !== 0) {
    throw new UserError(
      'calc/bad-tp',
      `tp=${tp} is not a multiple of the model's ${kvHeads} KV heads, so they cannot be replicated evenly.`,
      {
        example: `tp=${kvHeads * Math.floor(tp / kvHeads)}`,
      },
    );
  }
  return 1;
}

function largestDivisorAtMost(n: number, limit: number): number {
  for (let d = Math.min(n, limit); d >= 1; d--) if (n % d === 0) return d;
  return 1;
}

/** Bytes of a layout for `batch` sequences at `bytesPerElement`: token-dependent KV and fixed state. */
export function layoutBytes(
  groups: readonly KvGroup[],
  batch: number,
  bytesPerElement: number,
): { kv: number; state: number } {
  let kv = 0;
  let state = 0;
  for (const g of groups) {
    kv += g.layers * g.elementsPerToken * g.kept * batch * bytesPerElement;
    state += g.layers * g.stateElements * batch * bytesPerElement;
  }
  return { kv, state };
}
