import type { QuizQuestion } from '../ports/question-source.js';

/**
 * A few checked questions for tests. Every figure comes from the model's official config.json, as
 * transcribed in shared/reference/models.md and hf-configs/.
 */
export const SAMPLE_QUESTIONS: readonly QuizQuestion[] = [
  {
    id: 'kv-cache-llama31-70b-kv-heads',
    topic: 'kv-cache',
    difficulty: 2,
    kind: 'single',
    prompt: 'How many key/value heads does each attention layer of **Llama-3.1-70B** have?',
    choices: [
      { text: '8', correct: true },
      { text: '64', correct: false },
      { text: '1', correct: false },
      { text: '16', correct: false },
    ],
    explanation:
      'Grouped-query attention: 64 query heads share 8 KV heads, so the cache is 8x smaller than MHA.',
    source: 'meta-llama/Llama-3.1-70B config.json: num_attention_heads 64, num_key_value_heads 8',
  },
  {
    id: 'kv-cache-llama31-8b-bytes-per-token',
    topic: 'kv-cache',
    difficulty: 3,
    kind: 'numeric',
    prompt: 'KV cache of **Llama-3.1-8B** in bf16: how many KiB per token (all layers)?',
    answer: { value: 128, unit: 'KiB', tolerance: 0.02, partialTolerance: 0.1 },
    explanation: '2 (K and V) x 32 layers x 8 KV heads x 128 head_dim x 2 bytes = 131,072 bytes = 128 KiB.',
    source:
      'meta-llama/Llama-3.1-8B config.json: 32 layers, 8 KV heads, hidden 4096 / 32 heads = head_dim 128',
  },
  {
    id: 'kv-cache-llama31-context-tokens',
    topic: 'kv-cache',
    difficulty: 1,
    kind: 'numeric',
    prompt: 'Llama-3.1\'s "128k" context: how many tokens exactly?',
    answer: { value: 131_072, unit: 'tokens', tolerance: 0 },
    explanation: '128k here means 128 x 1024 = 131,072 tokens (max_position_embeddings).',
    source: 'meta-llama/Llama-3.1-8B config.json: max_position_embeddings 131072',
  },
  {
    id: 'moe-mixtral-8x7b-total',
    topic: 'moe',
    difficulty: 2,
    kind: 'truefalse',
    prompt: '**Mixtral-8x7B** has 8 x 7B = 56B parameters in total.',
    choices: [
      { text: 'True', correct: false },
      { text: 'False', correct: true },
    ],
    explanation: 'Experts replace only the MLP blocks; attention and embeddings are shared: 46.7B in total.',
    source: 'shared/reference/models.md (Mixtral-8x7B row and common errors)',
  },
  {
    id: 'moe-deepseek-v3-routed-per-token',
    topic: 'moe',
    difficulty: 3,
    kind: 'single',
    prompt: 'How many **routed** experts does DeepSeek-V3 activate per token in an MoE layer?',
    choices: [
      { text: '8', correct: true },
      { text: '2', correct: false },
      { text: '6', correct: false },
      { text: '256', correct: false },
    ],
    explanation: '8 of 256 routed experts, plus 1 shared expert that every token uses.',
    source:
      'deepseek-ai/DeepSeek-V3 config.json: n_routed_experts 256, num_experts_per_tok 8, n_shared_experts 1',
  },
  {
    id: 'moe-qwen3-30b-a3b-experts',
    topic: 'moe',
    difficulty: 2,
    kind: 'single',
    prompt: 'How many experts does each MoE layer of **Qwen3-30B-A3B** hold?',
    choices: [
      { text: '128', correct: true },
      { text: '64', correct: false },
      { text: '8', correct: false },
      { text: '256', correct: false },
    ],
    explanation: '128 experts per layer, 8 routed per token; no shared expert.',
    source: 'Qwen/Qwen3-30B-A3B config.json: num_experts 128, num_experts_per_tok 8',
  },
  {
    id: 'attention-gemma2-9b-head-dim',
    topic: 'attention',
    difficulty: 4,
    kind: 'single',
    prompt: 'Gemma-2-9B has hidden size 3584 and 16 query heads. What is its `head_dim`?',
    choices: [
      { text: '256', correct: true },
      { text: '224', correct: false },
      { text: '128', correct: false },
      { text: '64', correct: false },
    ],
    explanation:
      'The config states head_dim 256, so 16 x 256 = 4096 differs from hidden 3584; 224 is the trap.',
    source: 'google/gemma-2-9b config.json: hidden_size 3584, num_attention_heads 16, head_dim 256',
  },
];
