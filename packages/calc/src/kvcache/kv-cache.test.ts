import { describe, expect, it } from 'vitest';
import { GIB } from '../format/format-number.js';
import { parseGpu } from '../gpus/parse-gpu.js';
import { readConfig } from '../model/read-config.js';
import { resolveModel } from '../registry/registry.js';
import { dtypeOf } from '../units/parse-dtype.js';
import { kvCache } from './kv-cache.js';

const archOf = (id: string) => readConfig(resolveModel(id).entry.config);
const bf16 = dtypeOf('bf16');

describe('kvCache: published figures', () => {
  it('OPT-13B: 800 KiB per token in fp16 (vLLM paper §3: 2 · 5120 · 40 · 2 B)', () => {
    const r = kvCache({ arch: archOf('opt-13b'), tokens: 1, batch: 1, dtype: dtypeOf('fp16') });
    expect(r.bytesPerToken).toBe(800 * 1024);
  });

  it('Llama-3.1-70B: 327,680 B/token and 40.0 GiB at 131,072 tokens in bf16; MHA 320 GiB, MQA 5 GiB (formulas.md)', () => {
    const r = kvCache({ arch: archOf('llama-3.1-70b'), tokens: 131072, batch: 1, dtype: bf16 });
    expect(r.bytesPerToken).toBe(327_680);
    expect(r.totalBytes).toBe(40 * GIB);
    expect(r.comparison.map((c) => [c.layout, c.bytes / GIB])).toEqual([
      ['MHA (64 KV heads)', 320],
      ['GQA (8 KV heads, this model)', 40],
      ['MQA (1 KV head)', 5],
    ]);
  });

  it('DeepSeek-V3: 70,272 B/token in bf16 = 61 · (512 + 64) · 2 (formulas.md; DeepSeek-V2 §2.1)', () => {
    const r = kvCache({ arch: archOf('deepseek-v3'), tokens: 4096, batch: 1, dtype: bf16 });
    expect(r.bytesPerToken).toBe(70_272);
  });

  it('Gemma-3-27B at 131,072 tokens: 10.41 GiB, vs 81.38 GiB with derived head_dim and all layers global (unsloth PR 4757)', () => {
    const r = kvCache({ arch: archOf('gemma-3-27b'), tokens: 131072, batch: 1, dtype: bf16 });
    expect(r.totalBytes / GIB).toBeCloseTo(10.41, 2);
    expect((r.comparison.at(-1)?.bytes ?? 0) / GIB).toBeCloseTo(81.38, 2);
    const naive = readConfig({
      model_type: 'gemma3',
      text_config: {
        hidden_size: 5376,
        num_attention_heads: 32,
        num_key_value_heads: 16,
        num_hidden_layers: 62,
        head_dim: 168,
        layer_types: Array(62).fill('full_attention'),
      },
    });
    expect(kvCache({ arch: naive, tokens: 131072, batch: 1, dtype: bf16 }).totalBytes / GIB).toBeCloseTo(
      81.38,
      2,
    );
  });

  it('Mistral-7B-v0.1: the rolling buffer (W = 4096) keeps 8x less cache at 32k (Mistral 7B paper §2)', () => {
    const arch = archOf('mistral-7b-v0.1');
    const r = kvCache({ arch, tokens: 32768, batch: 1, dtype: bf16 });
    expect((r.uncappedBytesPerToken * 32768) / r.totalBytes).toBe(8);
  });

  it('Jamba: 4 GiB of KV at 256K tokens in 16-bit — the paper\'s "4GB" (Table 1) is GiB: 4 layers · 2 · 8 · 128 · 2 B · 262,144', () => {
    const r = kvCache({ arch: archOf('jamba-v0.1'), tokens: 262144, batch: 1, dtype: bf16 });
    const kv = r.groups.find((g) => g.kind === 'full');
    expect(kv?.bytes).toBe(4 * GIB);
    expect(r.totalBytes - 4 * GIB).toBe(r.stateBytes);
    expect(r.stateBytes).toBe(28 * (4 + 16) * 8192 * 2);
  });

  it('Llama-2-7B at 256K tokens in 16-bit is 128 GiB, as in the Jamba paper Table 1 (128GB)', () => {
    expect(kvCache({ arch: archOf('llama-2-7b'), tokens: 262144, batch: 1, dtype: bf16 }).totalBytes).toBe(
      128 * GIB,
    );
  });

  it('Falcon-180B has 8 KV heads, not MQA (models.md common errors)', () => {
    const r = kvCache({ arch: archOf('falcon-180b'), tokens: 1, batch: 1, dtype: bf16 });
    expect(r.bytesPerToken).toBe(2 * 80 * 8 * 64 * 2);
  });
});

describe('kvCache: dtypes, batch and tensor parallelism', () => {
  it.each([
    ['fp32', 4],
    ['fp16', 2],
    ['fp8', 1],
    ['int8', 1],
    ['int4', 0.5],
  ] as const)('scales with %s (%d B per element)', (dtype, bytes) => {
    const r = kvCache({ arch: archOf('llama-3.1-70b'), tokens: 131072, batch: 2, dtype: dtypeOf(dtype) });
    expect(r.totalBytes).toBe(2 * 327_680 * 131072 * (bytes / 2));
  });

  it.each([
    // tp, KV heads per GPU (Llama-3.1-70B has 8): split, then replicated once tp > 8
    [2, 4],
    [8, 1],
    [16, 1],
  ])('tp=%d keeps %d KV heads per GPU', (tp, heads) => {
    const r = kvCache({ arch: archOf('llama-3.1-70b'), tokens: 1024, batch: 1, dtype: bf16, tp });
    expect(r.perGpuBytes).toBe(80 * 2 * heads * 128 * 2 * 1024);
    expect(r.totalBytes).toBe(327_680 * 1024);
  });

  it('replicates the MLA latent on every TP rank', () => {
    const r = kvCache({ arch: archOf('deepseek-v3'), tokens: 1024, batch: 1, dtype: bf16, tp: 8 });
    expect(r.perGpuBytes).toBe(r.totalBytes);
  });

  it('refuses a TP degree that does not divide the KV heads', () => {
    expect(() =>
      kvCache({ arch: archOf('llama-3.1-70b'), tokens: 1024, batch: 1, dtype: bf16, tp: 3 }),
    ).toThrowError(expect.objectContaining({ code: 'calc/bad-tp' }));
  });
});

describe('kvCache: fitting on a GPU', () => {
  it('Llama-3.1-8B on an H100 80GB in bf16: 80e9 − 16.06e9 B of weights leaves room for 487,819 tokens, capped at the 131,072 the model supports', () => {
    const r = kvCache({
      arch: archOf('llama-3.1-8b'),
      tokens: 131072,
      batch: 1,
      dtype: bf16,
      gpu: parseGpu('h100'),
    });
    const fit = r.fit!;
    expect(fit.weightBytes).toBe(8_030_261_248 * 2);
    expect(fit.freeBytes).toBe(80e9 - 8_030_261_248 * 2);
    // 63,939,477,504 B free / 131,072 B per token (2 · 32 · 8 · 128 · 2) = 487,819.2
    expect(fit.maxTokensByMemory).toBe(487_819);
    expect(fit.maxTokens).toBe(131_072);
    expect(fit.maxTokensAtContextLimit).toBe(true);
    expect(fit.maxSequences).toBe(3);
    expect(fit.fits).toBe(true);
  });

  it('says when the weights alone do not fit (Llama-3.1-70B bf16 on one 80 GB GPU)', () => {
    const fit = kvCache({
      arch: archOf('llama-3.1-70b'),
      tokens: 1024,
      batch: 1,
      dtype: bf16,
      gpu: parseGpu('a100'),
    }).fit!;
    expect(fit.freeBytes).toBeLessThan(0);
    expect(fit).toMatchObject({ fits: false, maxSequences: 0, maxTokens: 0 });
  });

  it('holds back a stated reserve', () => {
    const fit = kvCache({
      arch: archOf('llama-3.1-8b'),
      tokens: 1024,
      batch: 1,
      dtype: bf16,
      gpu: parseGpu('h100'),
      reserve: 0.1,
    }).fit!;
    expect(fit.reserveBytes).toBe(8e9);
  });
});

describe("kvCache: the model's maximum context", () => {
  it.each([
    // id, tokens asked, max_position_embeddings in the registry config, KV bytes per token in bf16
    ['llama-2-7b', 131_072, 4_096, 2 * 32 * 32 * 128 * 2], // 64 GiB at 128k, Llama-2 supports 4k
    ['qwen3-8b', 131_072, 40_960, 2 * 36 * 8 * 128 * 2],
    ['llama-3.1-8b', 10 * 1_048_576, 131_072, 2 * 32 * 8 * 128 * 2],
  ])('%s at %d tokens: still sized, with a warning naming its maximum %d', (id, tokens, max, perToken) => {
    const r = kvCache({ arch: archOf(id), tokens, batch: 1, dtype: bf16 });
    expect(r.totalBytes).toBe(perToken * tokens);
    expect(r.maxContext).toBe(max);
    expect(r.exceedsMaxContext).toBe(true);
    expect(r.warnings).toEqual([
      `${tokens.toLocaleString('en-US')} tokens exceeds the ${max.toLocaleString('en-US')} tokens this model's config.json allows (max_position_embeddings or its equivalent): the cache is sized as asked; a variant or RoPE scaling (YaRN, say) may allow more, the config as read does not.`,
    ]);
  });

  it('no warning at exactly the maximum (Llama-3.1-8B, 131,072)', () => {
    const r = kvCache({ arch: archOf('llama-3.1-8b'), tokens: 131_072, batch: 1, dtype: bf16 });
    expect(r).toMatchObject({ maxContext: 131_072, exceedsMaxContext: false, warnings: [] });
  });

  it('no limit for an ALiBi model whose config states none (Falcon with alibi: true)', () => {
    const arch = readConfig({
      model_type: 'falcon',
      hidden_size: 4544,
      num_hidden_layers: 32,
      num_attention_heads: 71,
      alibi: true,
      multi_query: true,
      vocab_size: 65024,
    });
    const r = kvCache({ arch, tokens: 1_048_576, batch: 1, dtype: bf16 });
    expect(r).toMatchObject({ maxContext: null, exceedsMaxContext: false, warnings: [] });
  });

  it('DeepSeek-V3 tp=8 on H200 with fp8 weights: memory allows 812,865 tokens, the model 163,840', () => {
    const fit = kvCache({
      arch: archOf('deepseek-v3'),
      tokens: 131_072,
      batch: 1,
      dtype: bf16,
      tp: 8,
      gpu: parseGpu('h200'),
      weightDtype: dtypeOf('fp8'),
    }).fit!;
    // 141e9 − 671,026,419,200 B / 8 = 57,121,697,600 B free; the MLA latent is replicated on every
    // rank: 61 · (512 + 64) · 2 B = 70,272 B per token; 57,121,697,600 / 70,272 = 812,865.4.
    expect(fit.freeBytes).toBe(141e9 - 671_026_419_200 / 8);
    expect(fit.maxTokensByMemory).toBe(812_865);
    expect(fit.maxTokens).toBe(163_840);
    expect(fit.maxTokensAtContextLimit).toBe(true);
  });
});

describe('kvCache: work shown', () => {
  it('shows the per-token formula with the values filled in', () => {
    const r = kvCache({ arch: archOf('llama-3.1-70b'), tokens: 131072, batch: 1, dtype: bf16 });
    expect(r.work[0]).toMatchObject({
      formula: '2 · L · n_kv · d_head · b',
      substituted: '2 · 80 · 8 · 128 · 2 B',
      result: '327,680 B (320 KiB)',
    });
    expect(r.work.at(-1)?.result).toBe('42,949,672,960 B = 40.0 GiB = 42.9 GB');
  });
});

describe('the "common mistake" comparison row names only the assumptions that differ', () => {
  it.each([
    // Mistral-7B v0.1: head_dim 128 = 4096/32, so only the 4,096-token sliding window is ignored.
    ['mistral-7b', 'if every layer were global (a common mistake)'],
    // Gemma-3-27B: head_dim 128 ≠ 5376/32 = 168, and 5 of 6 layers are local (unsloth PR 4757).
    ['gemma-3-27b', 'if head_dim were hidden/heads = 168 and every layer were global (a common mistake)'],
    // Qwen3-0.6B: head_dim 128 ≠ 1024/16 = 64, every layer global.
    ['qwen3-0.6b', 'if head_dim were hidden/heads = 64 (a common mistake)'],
  ])('%s → %s', (id, layout) => {
    const r = kvCache({ arch: archOf(id), tokens: 32_768, batch: 1, dtype: bf16 });
    expect(r.comparison.at(-1)).toMatchObject({ layout, actual: false });
  });

  it('has no such row when the model makes neither assumption wrong (Llama-3.1-8B: 4096/32 = 128, all global)', () => {
    const r = kvCache({ arch: archOf('llama-3.1-8b'), tokens: 32_768, batch: 1, dtype: bf16 });
    expect(r.comparison.map((row) => row.layout).filter((l) => l.includes('mistake'))).toEqual([]);
  });
});
