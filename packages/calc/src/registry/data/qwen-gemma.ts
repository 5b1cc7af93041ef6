import type { ModelEntry } from '../model-entry.js';

const HF = 'https://huggingface.co';
const qwen3 = { model_type: 'qwen3', vocab_size: 151936, max_position_embeddings: 40960, head_dim: 128, attention_bias: false, use_sliding_window: false, sliding_window: null, hidden_act: 'silu' };
const qwen3Moe = { ...qwen3, model_type: 'qwen3_moe', tie_word_embeddings: false, decoder_sparse_step: 1, mlp_only_layers: [], num_experts: 128, num_experts_per_tok: 8 };

/** Qwen 1.5-MoE, 2.5 and 3 (dense and MoE), Gemma 2 and Gemma 3. */
export const QWEN_GEMMA_MODELS: readonly ModelEntry[] = [
  {
    id: 'qwen3-0.6b',
    name: 'Qwen3-0.6B',
    aliases: [],
    config: { ...qwen3, hidden_size: 1024, intermediate_size: 3072, num_hidden_layers: 28, num_attention_heads: 16, num_key_value_heads: 8, tie_word_embeddings: true },
    source: `${HF}/Qwen/Qwen3-0.6B/blob/main/config.json (head_dim 128, not 1024/16 = 64); checked against mlc-ai/mlc-llm model_preset.py qwen3_0.6b`,
    published: ['0.6B parameters, 0.44B non-embedding (model card)'],
  },
  {
    id: 'qwen3-8b',
    name: 'Qwen3-8B',
    aliases: [],
    config: { ...qwen3, hidden_size: 4096, intermediate_size: 12288, num_hidden_layers: 36, num_attention_heads: 32, num_key_value_heads: 8, tie_word_embeddings: false },
    source: `${HF}/Qwen/Qwen3-8B/blob/main/config.json (verbatim copy in shared/reference/hf-configs)`,
    published: ['8.2B parameters, 6.95B non-embedding (model card)'],
  },
  {
    id: 'qwen3-32b',
    name: 'Qwen3-32B',
    aliases: [],
    config: { ...qwen3, hidden_size: 5120, intermediate_size: 25600, num_hidden_layers: 64, num_attention_heads: 64, num_key_value_heads: 8, tie_word_embeddings: false },
    source: `${HF}/Qwen/Qwen3-32B/blob/main/config.json (verbatim copy in shared/reference/hf-configs)`,
    published: ['32.8B parameters, 31.2B non-embedding (model card)'],
  },
  {
    id: 'qwen3-30b-a3b',
    name: 'Qwen3-30B-A3B',
    aliases: ['qwen3-30b'],
    config: { ...qwen3Moe, hidden_size: 2048, intermediate_size: 6144, moe_intermediate_size: 768, num_hidden_layers: 48, num_attention_heads: 32, num_key_value_heads: 4 },
    source: `${HF}/Qwen/Qwen3-30B-A3B/blob/main/config.json (verbatim copy in shared/reference/hf-configs)`,
    published: ['30.5B total, 3.3B active, 29.9B non-embedding (model card)'],
  },
  {
    id: 'qwen3-235b-a22b',
    name: 'Qwen3-235B-A22B',
    aliases: ['qwen3-235b'],
    config: { ...qwen3Moe, hidden_size: 4096, intermediate_size: 12288, moe_intermediate_size: 1536, num_hidden_layers: 94, num_attention_heads: 64, num_key_value_heads: 4 },
    source: `${HF}/Qwen/Qwen3-235B-A22B/blob/main/config.json; checked against a verbatim public copy (HARD_CODED_CONFIGS in a LiteLLM setup script, transformers 4.51.0)`,
    published: ['235B total, 22B active, 234B non-embedding (model card)'],
  },
  {
    id: 'qwen2.5-7b',
    name: 'Qwen2.5-7B',
    aliases: [],
    config: { model_type: 'qwen2', hidden_size: 3584, intermediate_size: 18944, num_hidden_layers: 28, num_attention_heads: 28, num_key_value_heads: 4, vocab_size: 152064, max_position_embeddings: 131072, use_sliding_window: false, sliding_window: 131072, max_window_layers: 28, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/Qwen/Qwen2.5-7B/blob/main/config.json; checked against the config transformers 4.48.3 printed when loading Qwen/Qwen2.5-7B in a public veRL run log (max_position_embeddings 131072, max_window_layers 28, 7.62B parameters)`,
    published: ['7.61B parameters, 6.53B non-embedding (model card)'],
  },
  {
    id: 'qwen2.5-72b',
    name: 'Qwen2.5-72B',
    aliases: [],
    config: { model_type: 'qwen2', hidden_size: 8192, intermediate_size: 29568, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8, vocab_size: 152064, max_position_embeddings: 32768, use_sliding_window: false, sliding_window: 131072, max_window_layers: 70, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/Qwen/Qwen2.5-72B-Instruct/blob/main/config.json, from verbatim public copies (transformers 4.43.1). The base Qwen/Qwen2.5-72B config was not found; its widths are the same (Qwen2.5 report Table 1), its max_position_embeddings may differ`,
    published: ['72.7B parameters, 70.0B non-embedding (model card)'],
  },
  {
    id: 'qwen1.5-moe-a2.7b',
    name: 'Qwen1.5-MoE-A2.7B',
    aliases: ['qwen-moe-a2.7b', 'qwen1.5-moe'],
    config: { model_type: 'qwen2_moe', hidden_size: 2048, intermediate_size: 5632, moe_intermediate_size: 1408, shared_expert_intermediate_size: 5632, num_hidden_layers: 24, num_attention_heads: 16, num_key_value_heads: 16, num_experts: 60, num_experts_per_tok: 4, decoder_sparse_step: 1, vocab_size: 151936, max_position_embeddings: 8192, use_sliding_window: false, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/Qwen/Qwen1.5-MoE-A2.7B/blob/main/config.json; widths checked against mlc-ai/mlc-llm model_preset.py qwen2moe (the -Chat config, max_position_embeddings 32768); 8192 for the base model from a public test copy of its config`,
    published: ['14.3B total, 2.7B activated parameters (model card)'],
  },
  {
    id: 'gemma-2-9b',
    name: 'Gemma-2-9B',
    aliases: ['gemma2-9b'],
    config: { model_type: 'gemma2', hidden_size: 3584, intermediate_size: 14336, num_hidden_layers: 42, num_attention_heads: 16, num_key_value_heads: 8, head_dim: 256, vocab_size: 256000, max_position_embeddings: 8192, sliding_window: 4096, query_pre_attn_scalar: 256, hidden_activation: 'gelu_pytorch_tanh', tie_word_embeddings: true },
    source: `${HF}/google/gemma-2-9b/blob/main/config.json (head_dim 256, not 3584/16 = 224); checked against mlc-ai/mlc-llm model_preset.py gemma2_9b and a verbatim copy in a public torchKQI benchmark script`,
    published: ['9.24B parameters (model card: 9B)'],
  },
  {
    id: 'gemma-2-27b',
    name: 'Gemma-2-27B',
    aliases: ['gemma2-27b'],
    config: { model_type: 'gemma2', hidden_size: 4608, intermediate_size: 36864, num_hidden_layers: 46, num_attention_heads: 32, num_key_value_heads: 16, head_dim: 128, vocab_size: 256000, max_position_embeddings: 8192, sliding_window: 4096, query_pre_attn_scalar: 144, hidden_activation: 'gelu_pytorch_tanh', tie_word_embeddings: true },
    source: `${HF}/google/gemma-2-27b/blob/main/config.json (head_dim 128, not 4608/32 = 144); checked against mlc-ai/mlc-llm model_preset.py gemma2_27b`,
    published: ['27.2B parameters (model card: 27B)'],
  },
  {
    id: 'gemma-3-27b',
    name: 'Gemma-3-27B (text)',
    aliases: ['gemma3-27b', 'gemma-3-27b-it', 'gemma-3-27b-pt'],
    config: {
      model_type: 'gemma3',
      text_config: { model_type: 'gemma3_text', head_dim: 128, hidden_size: 5376, intermediate_size: 21504, num_attention_heads: 32, num_hidden_layers: 62, num_key_value_heads: 16, query_pre_attn_scalar: 168, rope_scaling: { factor: 8.0, rope_type: 'linear' }, sliding_window: 1024 },
    },
    source: `${HF}/google/gemma-3-27b-it/blob/main/config.json (text_config, as copied in NVIDIA/TensorRT-LLM's Gemma 3 VLM test GEMMA3_27B_MINI_CONFIG and a public GEMMA3_27B_TEXT copy; vocab_size 262208, max_position_embeddings 131072 and sliding_window_pattern 6 are the transformers Gemma3TextConfig defaults, as the file omits them)`,
    published: ['10.41 GiB KV at 131,072 tokens in bf16; 81.38 GiB if head_dim were derived and every layer global (unsloth PR 4757)'],
  },
];
