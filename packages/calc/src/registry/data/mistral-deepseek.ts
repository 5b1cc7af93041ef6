import type { ModelEntry } from '../model-entry.js';

const HF = 'https://huggingface.co';

/** Mistral AI (Mistral 7B, Mistral NeMo, Mixtral) and DeepSeek (V2, V2-Lite, V3, R1). */
export const MISTRAL_DEEPSEEK_MODELS: readonly ModelEntry[] = [
  {
    id: 'mistral-7b-v0.1',
    name: 'Mistral-7B-v0.1',
    aliases: ['mistral-7b'],
    config: { model_type: 'mistral', hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 32000, max_position_embeddings: 32768, sliding_window: 4096, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/mistralai/Mistral-7B-v0.1/blob/main/config.json; checked against mlc-ai/mlc-llm model_preset.py mistral_7b (same fields; the window renamed sliding_window_size 4096); W = 4096 also in the Mistral 7B paper §2`,
    published: ['7,241,732,096 parameters', 'rolling buffer cache: "8x less cache at 32k" (Mistral 7B paper §2)'],
  },
  {
    id: 'mistral-nemo-12b',
    name: 'Mistral-NeMo-12B (2407)',
    aliases: ['mistral-nemo', 'mistral-nemo-base-2407', 'nemo-12b'],
    config: { model_type: 'mistral', hidden_size: 5120, intermediate_size: 14336, num_hidden_layers: 40, num_attention_heads: 32, num_key_value_heads: 8, head_dim: 128, vocab_size: 131072, max_position_embeddings: 1024000, sliding_window: null, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/mistralai/Mistral-Nemo-Base-2407/blob/main/config.json (head_dim 128, not 5120/32 = 160); fields checked against public test copies of the config (Rust Mistral config tests; transformers Llava/Pixtral text_config test)`,
    published: ['12B parameters (Mistral NeMo announcement)'],
  },
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral-8x7B',
    aliases: ['mixtral-8x7b-v0.1'],
    config: { model_type: 'mixtral', hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 32000, max_position_embeddings: 32768, num_local_experts: 8, num_experts_per_tok: 2, sliding_window: null, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json (verbatim copy in shared/reference/hf-configs)`,
    published: ['46.7B total, 12.9B active parameters (Mixtral paper, Jiang et al. 2024)'],
  },
  {
    id: 'mixtral-8x22b',
    name: 'Mixtral-8x22B',
    aliases: ['mixtral-8x22b-v0.1'],
    config: { model_type: 'mixtral', hidden_size: 6144, intermediate_size: 16384, num_hidden_layers: 56, num_attention_heads: 48, num_key_value_heads: 8, vocab_size: 32000, max_position_embeddings: 65536, num_local_experts: 8, num_experts_per_tok: 2, sliding_window: null, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/mistralai/Mixtral-8x22B-v0.1/blob/main/config.json; checked against scaleapi/llm-engine model-engine/tests/unit/domain/test_llm_use_cases.py (transformers 4.40.0.dev0 copy)`,
    published: ['141B total, 39B active parameters (Mistral AI announcement)'],
  },
  {
    id: 'deepseek-v2',
    name: 'DeepSeek-V2',
    aliases: ['deepseek-v2-base'],
    config: { model_type: 'deepseek_v2', hidden_size: 5120, intermediate_size: 12288, moe_intermediate_size: 1536, num_hidden_layers: 60, num_attention_heads: 128, num_key_value_heads: 128, vocab_size: 102400, max_position_embeddings: 163840, q_lora_rank: 1536, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64, v_head_dim: 128, n_routed_experts: 160, n_shared_experts: 2, num_experts_per_tok: 6, first_k_dense_replace: 1, moe_layer_freq: 1, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/deepseek-ai/DeepSeek-V2/blob/main/config.json; checked against a verbatim public copy (auto_map, transformers 4.39.3); DeepSeek-V2 paper §3.1.2`,
    published: ['236B total, 21B active parameters (DeepSeek-V2 paper, abstract)'],
  },
  {
    id: 'deepseek-v2-lite',
    name: 'DeepSeek-V2-Lite',
    aliases: ['deepseek-v2-lite-chat'],
    config: { model_type: 'deepseek_v2', hidden_size: 2048, intermediate_size: 10944, moe_intermediate_size: 1408, num_hidden_layers: 27, num_attention_heads: 16, num_key_value_heads: 16, vocab_size: 102400, max_position_embeddings: 163840, q_lora_rank: null, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64, v_head_dim: 128, n_routed_experts: 64, n_shared_experts: 2, num_experts_per_tok: 6, first_k_dense_replace: 1, moe_layer_freq: 1, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/deepseek-ai/DeepSeek-V2-Lite/blob/main/config.json (q_lora_rank null: queries are not compressed); checked against mlc-ai/mlc-llm model_preset.py deepseek_v2_lite`,
    published: ['15.7B total, 2.4B active parameters (DeepSeek-V2-Lite model card)'],
  },
  {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3',
    aliases: ['deepseek-v3-base', 'deepseek-v3-0324'],
    config: { model_type: 'deepseek_v3', hidden_size: 7168, intermediate_size: 18432, moe_intermediate_size: 2048, num_hidden_layers: 61, num_attention_heads: 128, num_key_value_heads: 128, vocab_size: 129280, max_position_embeddings: 163840, q_lora_rank: 1536, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64, v_head_dim: 128, n_routed_experts: 256, n_shared_experts: 1, num_experts_per_tok: 8, first_k_dense_replace: 3, moe_layer_freq: 1, num_nextn_predict_layers: 1, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/deepseek-ai/DeepSeek-V3/blob/main/config.json (verbatim copy in shared/reference/hf-configs)`,
    published: ['671B total, 37B active parameters; the 685B on the hub adds a 14B MTP module (DeepSeek-V3 report §1)', '70,272 B KV per token in bf16 (61 · 576 · 2)'],
  },
  {
    id: 'deepseek-r1',
    name: 'DeepSeek-R1',
    aliases: ['r1', 'deepseek-r1-0528'],
    config: { model_type: 'deepseek_v3', hidden_size: 7168, intermediate_size: 18432, moe_intermediate_size: 2048, num_hidden_layers: 61, num_attention_heads: 128, num_key_value_heads: 128, vocab_size: 129280, max_position_embeddings: 163840, q_lora_rank: 1536, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64, v_head_dim: 128, n_routed_experts: 256, n_shared_experts: 1, num_experts_per_tok: 8, first_k_dense_replace: 3, moe_layer_freq: 1, num_nextn_predict_layers: 1, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/deepseek-ai/DeepSeek-R1/blob/main/config.json. No verbatim copy found: R1 is trained on the DeepSeek-V3 architecture (R1 report §2), and public copies list the same widths as the verbatim V3 config in shared/reference/hf-configs`,
    published: ['671B total, 37B active parameters (DeepSeek-R1 model card)'],
  },
];
