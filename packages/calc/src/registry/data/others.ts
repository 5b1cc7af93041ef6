import type { ModelEntry } from '../model-entry.js';

const HF = 'https://huggingface.co';
const gptOssLayers = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention'));
const gptOss = { model_type: 'gpt_oss', hidden_size: 2880, intermediate_size: 2880, num_attention_heads: 64, num_key_value_heads: 8, head_dim: 64, vocab_size: 201088, max_position_embeddings: 131072, sliding_window: 128, num_experts_per_tok: 4, attention_bias: true, tie_word_embeddings: false, hidden_act: 'silu' };

/** gpt-oss, DBRX, OLMoE, Jamba, Falcon, OPT, GPT-2/GPT-3 and Phi. */
export const OTHER_MODELS: readonly ModelEntry[] = [
  {
    id: 'gpt-oss-20b',
    name: 'gpt-oss-20b',
    aliases: [],
    config: { ...gptOss, num_hidden_layers: 24, num_local_experts: 32, layer_types: gptOssLayers(24) },
    source: `${HF}/openai/gpt-oss-20b/blob/main/config.json; 24 layers and 32 experts checked against public test copies with the HF field names (the rest is shared with gpt-oss-120b, gpt-oss model card Table 1)`,
    published: ['20.91B total, 3.61B active parameters (gpt-oss model card, Table 1)'],
  },
  {
    id: 'gpt-oss-120b',
    name: 'gpt-oss-120b',
    aliases: [],
    config: { ...gptOss, num_hidden_layers: 36, num_local_experts: 128, layer_types: gptOssLayers(36) },
    source: `${HF}/openai/gpt-oss-120b/blob/main/config.json; checked against a public copy of the raw file (transformers 4.55.0.dev0; layer_types 18 x [sliding, full])`,
    published: ['116.83B total, 5.13B active parameters (gpt-oss model card, Table 1)'],
  },
  {
    id: 'dbrx',
    name: 'DBRX',
    aliases: ['dbrx-base', 'dbrx-instruct', 'databricks-dbrx'],
    config: { model_type: 'dbrx', d_model: 6144, n_heads: 48, n_layers: 40, max_seq_len: 32768, vocab_size: 100352, attn_config: { kv_n_heads: 8, clip_qkv: 8, rope_theta: 500000 }, ffn_config: { ffn_hidden_size: 10752, moe_num_experts: 16, moe_top_k: 4 }, tie_word_embeddings: false },
    source: `${HF}/databricks/dbrx-base/blob/main/config.json; checked against a public copy of the dbrx-instruct config (transformers 4.39.2) with the same fields`,
    published: ['132B total, 36B active parameters (Databricks DBRX announcement)'],
  },
  {
    id: 'olmoe-1b-7b',
    name: 'OLMoE-1B-7B',
    aliases: ['olmoe', 'olmoe-1b-7b-0924'],
    config: { model_type: 'olmoe', hidden_size: 2048, intermediate_size: 1024, num_hidden_layers: 16, num_attention_heads: 16, num_key_value_heads: 16, num_experts: 64, num_experts_per_tok: 8, vocab_size: 50304, max_position_embeddings: 4096, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/allenai/OLMoE-1B-7B-0924/blob/main/config.json; widths, experts and vocab checked against public test copies; max_position_embeddings 4096 is also the transformers OlmoeConfig default, documented as this model`,
    published: ['6.9B total, 1.3B active parameters (OLMoE paper, Muennighoff et al. 2024)'],
  },
  {
    id: 'jamba-v0.1',
    name: 'Jamba-v0.1',
    aliases: ['jamba'],
    config: { model_type: 'jamba', hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, num_experts: 16, num_experts_per_tok: 2, vocab_size: 65536, max_position_embeddings: 262144, attn_layer_period: 8, attn_layer_offset: 4, expert_layer_period: 2, expert_layer_offset: 1, mamba_d_state: 16, mamba_d_conv: 4, mamba_expand: 2, mamba_dt_rank: 256, mamba_conv_bias: true, mamba_proj_bias: false, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/ai21labs/Jamba-v0.1/blob/main/config.json; checked against public trimmed copies (layer periods, offsets, Mamba widths, experts, vocab, 262144 positions); mamba_dt_rank and the bias flags as in the full AI21-Jamba-1.5-Mini config of the same layout`,
    published: ['52B total, 12B active parameters; 4GB of KV cache at 256K tokens in 16-bit (Jamba paper, Table 1)'],
  },
  {
    id: 'falcon-7b',
    name: 'Falcon-7B',
    aliases: [],
    config: { model_type: 'falcon', hidden_size: 4544, num_hidden_layers: 32, num_attention_heads: 71, multi_query: true, new_decoder_architecture: false, parallel_attn: true, bias: false, alibi: false, vocab_size: 65024 },
    source: `${HF}/tiiuae/falcon-7b/blob/main/config.json (multi-query: one KV head); checked against epfLLM/Megatron-LLM weights2megatron (32 layers, 4544, 71 heads, 1 KV head)`,
    published: ['7B parameters (Falcon model card)'],
  },
  {
    id: 'falcon-40b',
    name: 'Falcon-40B',
    aliases: [],
    config: { model_type: 'falcon', hidden_size: 8192, num_hidden_layers: 60, num_attention_heads: 128, num_kv_heads: 8, new_decoder_architecture: true, parallel_attn: true, bias: false, alibi: false, vocab_size: 65024 },
    source: `${HF}/tiiuae/falcon-40b/blob/main/config.json; checked against the falcon-40b-instruct config copied verbatim in tenstorrent tt-metal models/demos/falcon40b (same architecture)`,
    published: ['40B parameters (Falcon model card)'],
  },
  {
    id: 'falcon-180b',
    name: 'Falcon-180B',
    aliases: [],
    config: { model_type: 'falcon', hidden_size: 14848, num_hidden_layers: 80, num_attention_heads: 232, num_kv_heads: 8, new_decoder_architecture: true, parallel_attn: true, bias: false, alibi: false, vocab_size: 65024 },
    source: `${HF}/tiiuae/falcon-180B/blob/main/config.json (8 KV heads: grouped-query, not MQA); checked against the NVIDIA/TensorRT-LLM performance docs' Falcon-180B engine config`,
    published: ['180B parameters (Falcon-180B model card)'],
  },
  {
    id: 'opt-13b',
    name: 'OPT-13B',
    aliases: [],
    config: { model_type: 'opt', hidden_size: 5120, num_hidden_layers: 40, num_attention_heads: 40, ffn_dim: 20480, vocab_size: 50272, max_position_embeddings: 2048, word_embed_proj_dim: 5120, do_layer_norm_before: true, enable_bias: true, activation_function: 'relu' },
    source: `${HF}/facebook/opt-13b/blob/main/config.json; checked against a verbatim public copy (_name_or_path facebook/opt-13b) and cli99/llm-analysis facebook_opt-13b.json`,
    published: ['800 KiB of KV cache per token in fp16 (vLLM paper §3)', '13B parameters (OPT paper Table 1)'],
  },
  {
    id: 'gpt2',
    name: 'GPT-2 (124M)',
    aliases: ['gpt-2', 'gpt2-small', 'gpt-2-small'],
    config: { model_type: 'gpt2', n_embd: 768, n_layer: 12, n_head: 12, n_positions: 1024, vocab_size: 50257 },
    source: `${HF}/openai-community/gpt2/blob/main/config.json; checked against mlc-ai/mlc-llm model_preset.py gpt2`,
    published: ['124,439,808 parameters'],
  },
  {
    id: 'gpt2-xl',
    name: 'GPT-2 XL (1.5B)',
    aliases: ['gpt-2-xl'],
    config: { model_type: 'gpt2', n_embd: 1600, n_layer: 48, n_head: 25, n_positions: 1024, vocab_size: 50257 },
    source: `${HF}/openai-community/gpt2-xl/blob/main/config.json; checked against cli99/llm-analysis gpt2-xl.json`,
    published: ['1,557,611,200 parameters (GPT-2 paper: 1.5B)'],
  },
  {
    id: 'gpt-3-175b',
    name: 'GPT-3 175B',
    aliases: ['gpt3', 'gpt-3', 'gpt3-175b', 'davinci'],
    config: { model_type: 'gpt2', n_embd: 12288, n_layer: 96, n_head: 96, n_positions: 2048, vocab_size: 50257 },
    source: 'Brown et al. 2020, Table 2.1 (96 layers, d_model 12,288, 96 heads of 128, context 2,048; GPT-2 layout, BPE vocab 50,257). No official config.json; the alternating sparse attention pattern is not modelled.',
    published: ['175B parameters (Brown et al. 2020); P = 12·l·h²·(1 + 13/(12h) + (V + s)/(12·l·h)) (Narayanan et al. 2021)'],
  },
  {
    id: 'phi-3-mini',
    name: 'Phi-3-mini (4k)',
    aliases: ['phi-3-mini-4k', 'phi-3-mini-4k-instruct', 'phi3-mini'],
    config: { model_type: 'phi3', hidden_size: 3072, intermediate_size: 8192, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 32, vocab_size: 32064, max_position_embeddings: 4096, sliding_window: 2047, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/microsoft/Phi-3-mini-4k-instruct/blob/main/config.json; checked against mlc-ai/mlc-llm model_preset.py (phi-3 entry, transformers 4.39.3)`,
    published: ['3,821,079,552 parameters'],
  },
  {
    id: 'phi-4',
    name: 'Phi-4',
    aliases: ['phi4'],
    config: { model_type: 'phi3', hidden_size: 5120, intermediate_size: 17920, num_hidden_layers: 40, num_attention_heads: 40, num_key_value_heads: 10, vocab_size: 100352, max_position_embeddings: 16384, sliding_window: null, tie_word_embeddings: false, hidden_act: 'silu' },
    source: `${HF}/microsoft/phi-4/blob/main/config.json; widths, heads, KV heads, vocab and 16384 positions checked against public test copies; untied embeddings agree with the 14.7B of the Phi-4 report (tied would give 14.2B)`,
    published: ['14.7B parameters (Phi-4 technical report)'],
  },
];
