import type { ModelEntry } from '../model-entry.js';

const HF = 'https://huggingface.co';

const llama31Rope = { factor: 8.0, low_freq_factor: 1.0, high_freq_factor: 4.0, original_max_position_embeddings: 8192, rope_type: 'llama3' };

/** Meta Llama 2, 3, 3.1 and 3.2 (dense, RoPE, SwiGLU, RMSNorm; GQA from Llama-2-70B on). */
export const LLAMA_MODELS: readonly ModelEntry[] = [
  {
    id: 'llama-2-7b',
    name: 'Llama-2-7B',
    aliases: ['llama2-7b', 'llama-2-7b-hf'],
    config: { model_type: 'llama', hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 32, vocab_size: 32000, max_position_embeddings: 4096, tie_word_embeddings: false, hidden_act: 'silu', rms_norm_eps: 1e-5 },
    source: `${HF}/meta-llama/Llama-2-7b-hf/blob/main/config.json; checked against a verbatim copy (_name_or_path meta-llama/Llama-2-7b-hf, max_position_embeddings 4096) in a public torchKQI benchmark script, and mlc-ai/mlc-llm model_preset.py llama2_7b (same widths)`,
    published: ['6,738,415,616 parameters (Llama 2 paper: 7B)'],
  },
  {
    id: 'llama-2-13b',
    name: 'Llama-2-13B',
    aliases: ['llama2-13b', 'llama-13b'],
    config: { model_type: 'llama', hidden_size: 5120, intermediate_size: 13824, num_hidden_layers: 40, num_attention_heads: 40, num_key_value_heads: 40, vocab_size: 32000, max_position_embeddings: 4096, tie_word_embeddings: false, hidden_act: 'silu', rms_norm_eps: 1e-5 },
    source: `${HF}/meta-llama/Llama-2-13b-hf/blob/main/config.json; checked against a verbatim copy (_name_or_path meta-llama/Llama-2-13b-hf) in a public torchKQI benchmark script, and mlc-ai/mlc-llm model_preset.py llama2_13b (same widths)`,
    published: ['13,015,864,320 parameters (Llama 2 paper: 13B)'],
  },
  {
    id: 'llama-2-70b',
    name: 'Llama-2-70B',
    aliases: ['llama2-70b'],
    config: { model_type: 'llama', hidden_size: 8192, intermediate_size: 28672, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8, vocab_size: 32000, max_position_embeddings: 4096, tie_word_embeddings: false, hidden_act: 'silu', rms_norm_eps: 1e-5 },
    source: `${HF}/meta-llama/Llama-2-70b-hf/blob/main/config.json; checked against scaleapi/llm-engine model-engine/tests/unit/domain/test_llm_use_cases.py and a verbatim copy in a public torchKQI benchmark script`,
    published: ['68,976,648,192 parameters (Llama 2 paper: 70B)'],
  },
  {
    id: 'llama-3-8b',
    name: 'Llama-3-8B',
    aliases: ['meta-llama-3-8b', 'llama3-8b'],
    config: { model_type: 'llama', hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 128256, max_position_embeddings: 8192, rope_theta: 500000.0, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/meta-llama/Meta-Llama-3-8B/blob/main/config.json; checked against a verbatim copy in a public torchKQI benchmark script and mlc-ai/mlc-llm model_preset.py llama3_8b`,
  },
  {
    id: 'llama-3-70b',
    name: 'Llama-3-70B',
    aliases: ['meta-llama-3-70b', 'llama3-70b'],
    config: { model_type: 'llama', hidden_size: 8192, intermediate_size: 28672, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8, vocab_size: 128256, max_position_embeddings: 8192, rope_theta: 500000.0, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/meta-llama/Meta-Llama-3-70B/blob/main/config.json; checked against mlc-ai/mlc-llm model_preset.py llama3_70b`,
  },
  {
    id: 'llama-3.1-8b',
    name: 'Llama-3.1-8B',
    aliases: ['meta-llama-3.1-8b', 'llama3.1-8b'],
    config: { model_type: 'llama', hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 128256, max_position_embeddings: 131072, rope_theta: 500000.0, rope_scaling: llama31Rope, attention_bias: false, mlp_bias: false, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/meta-llama/Llama-3.1-8B/blob/main/config.json (verbatim copy in shared/reference/hf-configs)`,
    published: ['8.03B parameters (model card: 8B)'],
  },
  {
    id: 'llama-3.1-70b',
    name: 'Llama-3.1-70B',
    aliases: ['meta-llama-3.1-70b', 'llama3.1-70b'],
    config: { model_type: 'llama', hidden_size: 8192, intermediate_size: 28672, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8, vocab_size: 128256, max_position_embeddings: 131072, rope_theta: 500000.0, rope_scaling: llama31Rope, attention_bias: false, mlp_bias: false, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/meta-llama/Llama-3.1-70B/blob/main/config.json (verbatim copy in shared/reference/hf-configs)`,
    published: ['327,680 B KV per token in bf16; 40.0 GiB at 131,072 tokens (formulas.md)'],
  },
  {
    id: 'llama-3.1-405b',
    name: 'Llama-3.1-405B',
    aliases: ['meta-llama-3.1-405b', 'llama3.1-405b'],
    config: { model_type: 'llama', hidden_size: 16384, intermediate_size: 53248, num_hidden_layers: 126, num_attention_heads: 128, num_key_value_heads: 8, vocab_size: 128256, max_position_embeddings: 131072, rope_theta: 500000.0, rope_scaling: llama31Rope, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/meta-llama/Llama-3.1-405B/blob/main/config.json. No verbatim copy found: layers 126, hidden 16384, 128 heads, 8 KV heads, FFN 53248 and vocab 128256 agree in the Llama 3 paper Table 3 and several public copies; max_position_embeddings and rope_scaling as in the verbatim 8B/70B configs of the same release`,
    published: ['405B parameters (Llama 3 paper)'],
  },
  {
    id: 'llama-3.2-1b',
    name: 'Llama-3.2-1B',
    aliases: ['llama3.2-1b'],
    config: { model_type: 'llama', hidden_size: 2048, intermediate_size: 8192, num_hidden_layers: 16, num_attention_heads: 32, num_key_value_heads: 8, head_dim: 64, vocab_size: 128256, max_position_embeddings: 131072, tie_word_embeddings: true, hidden_act: 'silu' },
    source: `${HF}/meta-llama/Llama-3.2-1B/blob/main/config.json; checked against mlc-ai/mlc-llm model_preset.py llama3_2_1b`,
    published: ['1.24B parameters (model card)'],
  },
  {
    id: 'llama-3.2-3b',
    name: 'Llama-3.2-3B',
    aliases: ['llama3.2-3b'],
    config: { model_type: 'llama', hidden_size: 3072, intermediate_size: 8192, num_hidden_layers: 28, num_attention_heads: 24, num_key_value_heads: 8, head_dim: 128, vocab_size: 128256, max_position_embeddings: 131072, tie_word_embeddings: true, hidden_act: 'silu' },
    source: `${HF}/meta-llama/Llama-3.2-3B/blob/main/config.json; checked against mlc-ai/mlc-llm model_preset.py llama3_2_3b`,
    published: ['3.21B parameters (model card)'],
  },
  {
    id: 'llama-4-scout',
    name: 'Llama-4-Scout-17B-16E',
    aliases: ['llama-4-scout-17b-16e', 'llama4-scout', 'scout'],
    config: {
      model_type: 'llama4',
      text_config: { model_type: 'llama4_text', attention_chunk_size: 8192, head_dim: 128, hidden_size: 5120, interleave_moe_layer_step: 1, intermediate_size: 8192, intermediate_size_mlp: 16384, max_position_embeddings: 262144, no_rope_layers: [], num_attention_heads: 40, num_experts_per_tok: 1, num_hidden_layers: 48, num_key_value_heads: 8, num_local_experts: 16, use_qk_norm: true, vocab_size: 202048, tie_word_embeddings: false, attention_bias: false, hidden_act: 'silu' },
    },
    source: `${HF}/meta-llama/Llama-4-Scout-17B-16E/blob/main/config.json (text_config), quoted verbatim in AMD-AGI/Primus PR #165: max_position_embeddings 262144 for this base model (the -Instruct repo states 10485760, the advertised 10M)`,
    published: ['109B total, 17B active parameters (Meta Llama 4 model card)'],
  },
  {
    id: 'llama-4-maverick',
    name: 'Llama-4-Maverick-17B-128E',
    aliases: ['llama-4-maverick-17b-128e', 'llama4-maverick', 'maverick'],
    config: {
      model_type: 'llama4',
      text_config: { model_type: 'llama4_text', attention_chunk_size: 8192, head_dim: 128, hidden_size: 5120, interleave_moe_layer_step: 2, intermediate_size: 8192, intermediate_size_mlp: 16384, max_position_embeddings: 262144, no_rope_layers: [], num_attention_heads: 40, num_experts_per_tok: 1, num_hidden_layers: 48, num_key_value_heads: 8, num_local_experts: 128, use_qk_norm: false, vocab_size: 202048, tie_word_embeddings: false, attention_bias: false, hidden_act: 'silu' },
    },
    source: `${HF}/meta-llama/Llama-4-Maverick-17B-128E/blob/main/config.json (text_config): fields as in NVIDIA/TensorRT-LLM test_modeling_llama_min_latency.py LLAMA_4_MAVERICK_TWO_LAYER_CONFIG; max_position_embeddings 262144 for this base model per AMD-AGI/Primus llama4_17B128E.yaml (the -Instruct repo states 1048576)`,
    published: ['400B total, 17B active parameters (Meta Llama 4 model card)'],
  },
];
