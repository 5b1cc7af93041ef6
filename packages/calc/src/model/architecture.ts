/**
 * What one decoder layer's token mixer is. The KV cache and the parameter count are summed per layer
 * from these.
 */
export type LayerAttention =
  /** Attends to every earlier token: the cache keeps all T tokens. */
  | { kind: 'full' }
  /** Sliding window of W tokens (Mistral, Gemma local layers, gpt-oss): keeps min(T, W). */
  | { kind: 'sliding'; window: number }
  /** Chunked local attention (Llama 4 RoPE layers): attends within chunks of C; keeps min(T, C). */
  | { kind: 'chunked'; chunk: number }
  /** Multi-head latent attention (DeepSeek-V2/V3): caches one compressed latent per token. */
  | { kind: 'mla' }
  /** A Mamba (SSM) layer: no KV cache, a fixed state per sequence. */
  | { kind: 'mamba' };

/** One decoder layer: its token mixer and whether its MLP is dense or a mixture of experts. */
export interface LayerSpec {
  attention: LayerAttention;
  mlp: 'dense' | 'moe';
}

/** Standard (MHA/GQA/MQA) attention shape, shared by every attention layer of the model. */
export interface AttentionSpec {
  /** Query heads. */
  heads: number;
  /** Key/value heads (= heads for MHA, 1 for MQA). */
  kvHeads: number;
  /** Elements per head. */
  headDim: number;
  /** True when the config states `head_dim`; false when it was derived as hidden / heads. */
  headDimStated: boolean;
  /** Bias on the q, k and v projections. */
  qkvBias: boolean;
  /** Bias on the output projection. */
  outBias: boolean;
  /**
   * Norms on queries and keys: `per-head` (RMSNorm over head_dim, Qwen3/Gemma 3), `per-projection`
   * (RMSNorm over all heads, OLMoE), `l2` (no weights, Llama 4) or `none`.
   */
  qkNorm: 'none' | 'per-head' | 'per-projection' | 'l2';
  /** One learned attention-sink logit per head (gpt-oss). */
  sinks: boolean;
}

/** Multi-head latent attention sizes (DeepSeek-V2 paper §2.1; config fields of the same names). */
export interface MlaSpec {
  /** `q_lora_rank`; `null` when queries are projected directly (DeepSeek-V2-Lite). */
  qLoraRank: number | null;
  kvLoraRank: number;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
}

/** A feed-forward block. */
export interface MlpSpec {
  /** Gated (SwiGLU/GeGLU: gate, up, down = 3 matrices) or plain (up, down = 2). */
  gated: boolean;
  /** Activation name as in the config (`silu`, `gelu`, `relu`). */
  activation: string;
  /** Hidden width of the block (d_ff). */
  intermediate: number;
  bias: boolean;
}

/** Mixture-of-experts block sizes. */
export interface MoeSpec {
  /** Routed experts per MoE layer. */
  experts: number;
  /** Routed experts each token uses. */
  topK: number;
  /** d_ff of one routed expert. */
  expertIntermediate: number;
  /** Shared experts every token uses. */
  sharedExperts: number;
  /** d_ff of one shared expert. */
  sharedIntermediate: number;
  /** Qwen-MoE's sigmoid gate on the shared expert: a hidden × 1 linear. */
  sharedExpertGate: boolean;
  /** Router (gate) linear has a bias (gpt-oss). */
  routerBias: boolean;
  /** DeepSeek-V3's `e_score_correction_bias` (one value per routed expert). */
  scoreCorrectionBias: boolean;
  /** Experts' linears have biases (gpt-oss). */
  expertBias: boolean;
}

/** Mamba mixer sizes (Jamba; Gu and Dao 2023). */
export interface MambaSpec {
  dState: number;
  dConv: number;
  expand: number;
  /** expand · hidden. */
  inner: number;
  dtRank: number;
  convBias: boolean;
  projBias: boolean;
  /** Jamba's RMSNorms on dt, B and C inside the mixer. */
  innerNorms: boolean;
}

/** Normalisation layers. */
export interface NormSpec {
  kind: 'rms' | 'layer';
  /** LayerNorm with a bias vector. */
  bias: boolean;
  /** Norms of width `hidden` per decoder layer (2 in most; 4 in Gemma 2/3; 1 in Falcon-7B). */
  perLayer: number;
  /** A final norm after the last layer. */
  final: boolean;
}

/** A default taken from the reference implementation because the config omitted the field. */
export interface AppliedDefault {
  field: string;
  value: string;
  /** Where the default comes from, e.g. `transformers LlamaConfig`. */
  from: string;
}

/** Everything the calculators need about a model, read from its config. */
export interface Architecture {
  /** The config's `model_type` (or the one inferred). */
  modelType: string;
  hidden: number;
  vocab: number;
  /** One entry per decoder layer. */
  layers: LayerSpec[];
  attention: AttentionSpec;
  mla?: MlaSpec;
  /** The MLP of dense layers. */
  mlp: MlpSpec;
  moe?: MoeSpec;
  mamba?: MambaSpec;
  norm: NormSpec;
  /** Input and output embeddings share one matrix. */
  tiedEmbeddings: boolean;
  /** Learned position-embedding rows (GPT-2, OPT); 0 with RoPE/ALiBi/NoPE. */
  learnedPositions: number;
  maxPositions: number;
  /** Defaults applied for fields the config left out. */
  defaults: AppliedDefault[];
  /** Caveats about this reading (best-effort type, modules not counted, …). */
  notes: string[];
}
