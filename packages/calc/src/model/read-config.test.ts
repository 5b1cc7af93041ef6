import { readFileSync } from 'node:fs';
import { isUserError } from '@mlsys/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Architecture } from './architecture.js';
import { readConfig } from './read-config.js';

// Verbatim official configs (copies of shared/reference/hf-configs).
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
const count = (arch: Architecture, predicate: (l: Architecture['layers'][number]) => boolean): number =>
  arch.layers.filter(predicate).length;

describe('readConfig on the verbatim hf-configs fixtures', () => {
  it.each([
    // file, model_type, layers, hidden, heads, kv heads, head_dim, head_dim stated, vocab, tied
    ['meta-llama--Meta-Llama-3.1-70B', 'llama', 80, 8192, 64, 8, 128, false, 128256, false],
    ['meta-llama--Meta-Llama-3.1-8B', 'llama', 32, 4096, 32, 8, 128, false, 128256, false],
    ['mistralai--Mixtral-8x7B-v0.1', 'mixtral', 32, 4096, 32, 8, 128, false, 32000, false],
    ['Qwen--Qwen3-8B', 'qwen3', 36, 4096, 32, 8, 128, true, 151936, false],
    ['Qwen--Qwen3-32B', 'qwen3', 64, 5120, 64, 8, 128, true, 151936, false],
    ['Qwen--Qwen3-30B-A3B', 'qwen3_moe', 48, 2048, 32, 4, 128, true, 151936, false],
  ] as const)(
    '%s: %s, %d layers, hidden %d, %d/%d heads, head_dim %d',
    (file, type, layers, hidden, heads, kv, headDim, stated, vocab, tied) => {
      const arch = readConfig(fixture(file));
      expect(arch.modelType).toBe(type);
      expect(arch.layers).toHaveLength(layers);
      expect(arch.hidden).toBe(hidden);
      expect(arch.attention).toMatchObject({ heads, kvHeads: kv, headDim, headDimStated: stated });
      expect(arch.vocab).toBe(vocab);
      expect(arch.tiedEmbeddings).toBe(tied);
      expect(count(arch, (l) => l.attention.kind === 'full')).toBe(layers);
    },
  );

  it('reads Qwen3-30B-A3B head_dim 128 as stated, not hidden/heads = 64, and 128 experts top-8 on every layer', () => {
    const arch = readConfig(fixture('Qwen--Qwen3-30B-A3B'));
    expect(arch.attention.headDim).toBe(128);
    expect(arch.attention.qkNorm).toBe('per-head');
    expect(arch.moe).toMatchObject({ experts: 128, topK: 8, expertIntermediate: 768, sharedExperts: 0 });
    expect(count(arch, (l) => l.mlp === 'moe')).toBe(48);
    expect(arch.defaults).toEqual([]);
  });

  it('reads Mixtral-8x7B: 8 experts, top-2, expert d_ff 14336, no sliding window (config null)', () => {
    const arch = readConfig(fixture('mistralai--Mixtral-8x7B-v0.1'));
    expect(arch.moe).toMatchObject({ experts: 8, topK: 2, expertIntermediate: 14336 });
    expect(count(arch, (l) => l.mlp === 'moe')).toBe(32);
    expect(arch.defaults.map((d) => d.field)).toEqual(['head_dim']);
  });

  it('reads DeepSeek-V3: MLA 512 + 64, 3 dense layers then 58 MoE layers of 256 routed + 1 shared, top-8', () => {
    const arch = readConfig(fixture('deepseek-ai--DeepSeek-V3'));
    expect(arch.modelType).toBe('deepseek_v3');
    expect(arch.mla).toEqual({
      qLoraRank: 1536,
      kvLoraRank: 512,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
    });
    expect(count(arch, (l) => l.attention.kind === 'mla')).toBe(61);
    expect(arch.layers.slice(0, 3).map((l) => l.mlp)).toEqual(['dense', 'dense', 'dense']);
    expect(count(arch, (l) => l.mlp === 'moe')).toBe(58);
    expect(arch.mlp.intermediate).toBe(18432);
    expect(arch.moe).toMatchObject({
      experts: 256,
      sharedExperts: 1,
      topK: 8,
      expertIntermediate: 2048,
      scoreCorrectionBias: true,
    });
    expect(arch.notes.join(' ')).toContain('multi-token-prediction');
  });

  it('records the defaults it applies (Llama: head_dim derived as hidden / heads)', () => {
    const arch = readConfig(fixture('meta-llama--Meta-Llama-3.1-70B'));
    expect(arch.defaults).toEqual([
      {
        field: 'head_dim',
        value: '128 (hidden_size 8192 / num_attention_heads 64)',
        from: 'transformers LlamaConfig',
      },
    ]);
  });
});

describe('readConfig on other model types', () => {
  it('reads a nested Gemma 3 text_config with the Gemma3TextConfig defaults, 5 local (1024) : 1 global', () => {
    const arch = readConfig({
      model_type: 'gemma3',
      text_config: {
        head_dim: 128,
        hidden_size: 5376,
        intermediate_size: 21504,
        num_attention_heads: 32,
        num_hidden_layers: 62,
        num_key_value_heads: 16,
        sliding_window: 1024,
      },
    });
    expect(arch.modelType).toBe('gemma3_text');
    expect(arch.vocab).toBe(262208);
    expect(arch.tiedEmbeddings).toBe(true);
    expect(count(arch, (l) => l.attention.kind === 'full')).toBe(10);
    expect(count(arch, (l) => l.attention.kind === 'sliding')).toBe(52);
    expect(arch.layers[5]?.attention).toEqual({ kind: 'full' });
    expect(arch.defaults.map((d) => d.field)).toEqual(
      expect.arrayContaining(['vocab_size', 'max_position_embeddings', 'sliding_window_pattern']),
    );
  });

  it('reads Gemma 2 alternating local/global from layer 0, with head_dim 256 stated (not 3584/16 = 224)', () => {
    const arch = readConfig({
      model_type: 'gemma2',
      hidden_size: 3584,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      head_dim: 256,
      num_hidden_layers: 42,
      sliding_window: 4096,
    });
    expect(arch.attention.headDim).toBe(256);
    expect(arch.layers[0]?.attention).toEqual({ kind: 'sliding', window: 4096 });
    expect(arch.layers[1]?.attention).toEqual({ kind: 'full' });
    expect(arch.norm.perLayer).toBe(4);
  });

  it('reads gpt-oss layer_types, sinks and biases', () => {
    const arch = readConfig({
      model_type: 'gpt_oss',
      num_hidden_layers: 4,
      layer_types: ['sliding_attention', 'full_attention', 'sliding_attention', 'full_attention'],
      num_local_experts: 32,
    });
    expect(arch.layers.map((l) => l.attention.kind)).toEqual(['sliding', 'full', 'sliding', 'full']);
    expect(arch.attention).toMatchObject({ headDim: 64, sinks: true, qkvBias: true, outBias: true });
    expect(arch.moe).toMatchObject({ experts: 32, topK: 4, routerBias: true, expertBias: true });
  });

  it('reads Llama 4 Maverick: chunked RoPE layers, every 4th layer global NoPE, MoE on odd layers', () => {
    const arch = readConfig({
      model_type: 'llama4',
      text_config: {
        num_hidden_layers: 48,
        interleave_moe_layer_step: 2,
        num_local_experts: 128,
        no_rope_layers: [],
      },
    });
    expect(arch.layers[3]?.attention).toEqual({ kind: 'full' });
    expect(arch.layers[0]?.attention).toEqual({ kind: 'chunked', chunk: 8192 });
    expect(count(arch, (l) => l.attention.kind === 'full')).toBe(12);
    expect(arch.layers.slice(0, 4).map((l) => l.mlp)).toEqual(['dense', 'moe', 'dense', 'moe']);
    expect(arch.mlp.intermediate).toBe(16384);
    expect(arch.moe).toMatchObject({ sharedExperts: 1, sharedIntermediate: 8192, topK: 1 });
  });

  it('reads DBRX nested attn_config/ffn_config', () => {
    const arch = readConfig({
      model_type: 'dbrx',
      d_model: 6144,
      n_heads: 48,
      n_layers: 40,
      vocab_size: 100352,
      attn_config: { kv_n_heads: 8 },
      ffn_config: { ffn_hidden_size: 10752, moe_num_experts: 16, moe_top_k: 4 },
    });
    expect(arch.attention).toMatchObject({ heads: 48, kvHeads: 8, headDim: 128 });
    expect(arch.moe).toMatchObject({ experts: 16, topK: 4, expertIntermediate: 10752 });
    expect(arch.norm).toMatchObject({ kind: 'layer', bias: false });
  });

  it('reads Jamba: attention on layers 4, 12, 20, 28; Mamba elsewhere; MoE on odd layers', () => {
    const arch = readConfig({ model_type: 'jamba' });
    expect(arch.layers.flatMap((l, i) => (l.attention.kind === 'full' ? [i] : []))).toEqual([4, 12, 20, 28]);
    expect(count(arch, (l) => l.attention.kind === 'mamba')).toBe(28);
    expect(count(arch, (l) => l.mlp === 'moe')).toBe(16);
    expect(arch.mamba).toMatchObject({ dState: 16, dConv: 4, inner: 8192, dtRank: 256 });
  });

  it.each([
    // Falcon-7B is multi-query (1 KV head); Falcon-180B's new architecture has 8 KV heads (not MQA).
    [{ model_type: 'falcon', hidden_size: 4544, num_attention_heads: 71, multi_query: true }, 1, 64],
    [
      {
        model_type: 'RefinedWeb',
        n_embd: 14848,
        n_head: 232,
        n_head_kv: 8,
        n_layer: 80,
        new_decoder_architecture: true,
      },
      8,
      64,
    ],
  ])('reads Falcon KV heads %#', (config, kvHeads, headDim) => {
    expect(readConfig(config).attention).toMatchObject({ kvHeads, headDim });
  });

  it('reads GPT-2 style and OPT configs with learned positions', () => {
    const gpt = readConfig({ n_embd: 768, n_layer: 12, n_head: 12, n_positions: 1024, vocab_size: 50257 });
    expect(gpt).toMatchObject({ modelType: 'gpt2', learnedPositions: 1024, tiedEmbeddings: true });
    expect(
      readConfig({
        model_type: 'opt',
        hidden_size: 5120,
        num_hidden_layers: 40,
        num_attention_heads: 40,
        ffn_dim: 20480,
      }),
    ).toMatchObject({
      learnedPositions: 2050,
      attention: { kvHeads: 40, headDim: 128 },
    });
  });

  it('reads an unknown Llama-style type as a labelled best effort', () => {
    const arch = readConfig({
      model_type: 'newthing',
      hidden_size: 1024,
      num_hidden_layers: 2,
      num_attention_heads: 8,
      intermediate_size: 4096,
      vocab_size: 1000,
    });
    expect(arch.notes[0]).toContain('Best effort');
  });
});

describe('readConfig refuses bad input with a UserError', () => {
  it.each([
    [[], 'calc/bad-config'],
    ['llama', 'calc/bad-config'],
    [null, 'calc/bad-config'],
    [{ model_type: 'llama', hidden_size: 1e12 }, 'calc/bad-config-field'],
    [{ model_type: 'llama', num_hidden_layers: -1 }, 'calc/bad-config-field'],
    [{ model_type: 'llama', num_attention_heads: 8, num_key_value_heads: 16 }, 'calc/inconsistent-config'],
    [{ model_type: 'gemma2', layer_types: ['full_attention'] }, 'calc/inconsistent-config'],
    [{ model_type: 'mystery', hidden_size: 8 }, 'calc/unknown-model-type'],
    [{ model_type: 'deepseek_v2' }, 'calc/missing-config-field'],
  ])('%j → %s', (input, code) => {
    expect(() => readConfig(input)).toThrowError(expect.objectContaining({ code }));
  });

  it.each([
    // [config, heads, KV heads, nearest valid KV-head counts above and below]
    [
      {
        model_type: 'llama',
        hidden_size: 4096,
        num_hidden_layers: 32,
        num_attention_heads: 32,
        num_key_value_heads: 5,
        intermediate_size: 11008,
        vocab_size: 32000,
      },
      '32 attention heads and 5 KV heads',
      '32 / 5 = 6.40',
      '"num_key_value_heads": 8 or 4, which divide 32',
    ],
    [
      { model_type: 'qwen3', num_attention_heads: 32, num_key_value_heads: 6 },
      '32 attention heads and 6 KV heads',
      '32 / 6 = 5.33',
      '"num_key_value_heads": 8 or 4, which divide 32',
    ],
    [
      { model_type: 'gemma2', num_attention_heads: 16, num_key_value_heads: 3 },
      '16 attention heads and 3 KV heads',
      '16 / 3 = 5.33',
      '"num_key_value_heads": 4 or 2, which divide 16',
    ],
    [
      { model_type: 'dbrx', n_heads: 48, attn_config: { kv_n_heads: 5 } },
      '48 attention heads and 5 KV heads',
      '48 / 5 = 9.60',
      '"num_key_value_heads": 6 or 4, which divide 48',
    ],
    [
      { model_type: 'falcon', new_decoder_architecture: true, num_attention_heads: 128, num_kv_heads: 7 },
      '128 attention heads and 7 KV heads',
      '128 / 7 = 18.3',
      '"num_key_value_heads": 8 or 4, which divide 128',
    ],
  ])('refuses heads that do not split over the KV heads: %j', (input, shape, ratio, example) => {
    let thrown: unknown;
    try {
      readConfig(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'calc/inconsistent-config', example });
    expect((thrown as Error).message).toContain(shape);
    expect((thrown as Error).message).toContain(`${ratio} is not a whole number`);
  });

  it('does not ask MLA models to divide their unused num_key_value_heads', () => {
    const v3 = fixture('deepseek-ai--DeepSeek-V3') as Record<string, unknown>;
    expect(() => readConfig({ ...v3, num_key_value_heads: 3 })).not.toThrow();
  });

  it('names the missing fields of an unknown type', () => {
    expect(() => readConfig({ model_type: 'mystery', hidden_size: 8 })).toThrowError(/"num_hidden_layers"/);
  });

  it('returns an architecture or throws UserError for any JSON value', () => {
    const smallInt = fc.integer({ min: -3, max: 70000 });
    const field = fc.oneof(
      smallInt,
      fc.constant(null),
      fc.boolean(),
      fc.string({ maxLength: 8 }),
      fc.array(smallInt, { maxLength: 4 }),
    );
    const configLike = fc.record(
      {
        model_type: fc.constantFrom(
          'llama',
          'mistral',
          'mixtral',
          'qwen2_moe',
          'qwen3_moe',
          'gemma2',
          'gemma3',
          'deepseek_v3',
          'gpt_oss',
          'llama4',
          'dbrx',
          'jamba',
          'falcon',
          'gpt2',
          'opt',
          'other',
        ),
        hidden_size: field,
        num_hidden_layers: field,
        num_attention_heads: field,
        num_key_value_heads: field,
        head_dim: field,
        intermediate_size: field,
        vocab_size: field,
        sliding_window: field,
        layer_types: field,
        text_config: fc.oneof(
          fc.constant(undefined),
          fc.dictionary(fc.string({ maxLength: 6 }), field, { maxKeys: 3 }),
        ),
      },
      { requiredKeys: ['model_type'] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 2 }), configLike), (input) => {
        try {
          const arch = readConfig(input);
          return arch.layers.length > 0 && Number.isFinite(arch.hidden);
        } catch (error) {
          return isUserError(error);
        }
      }),
      { seed: 4242, numRuns: 2000 },
    );
  });
});
