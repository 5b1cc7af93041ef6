import { describe, expect, it } from 'vitest';
import { systemClock, systemRandom } from '../../ports/services.js';
import type { Reply } from '../../reply/reply.js';
import { createRouter } from '../../router/router.js';
import { calculatorCommands } from './index.js';
import { parseModel } from './model-option.js';

const router = createRouter({
  commands: calculatorCommands,
  services: { clock: systemClock, random: systemRandom },
});

async function call(command: string, text: string): Promise<{ status: string; reply: Reply }> {
  return router.dispatch({
    platform: 'cli',
    command,
    text,
    user: { id: 'u', name: 'u', isAdmin: false },
    channel: { id: 'c' },
    team: { id: 't' },
  });
}
/** The "Fit on <GPU>" field of a /kvcache reply. */
function fitField(reply: Reply): { label: string; value: string } | undefined {
  const fields = reply.blocks.find((b) => b.type === 'fields');
  return fields?.type === 'fields' ? fields.fields.find((f) => f.label.startsWith('Fit on')) : undefined;
}

const dataOf = async (command: string, text: string) =>
  (await call(command, text)).reply.data as Record<string, unknown>;

describe('/kvcache', () => {
  it('llama-70b 128k: 40.0 GiB = 327,680 B × 131,072 (formulas.md), with units and the alias explained', async () => {
    const { status, reply } = await call('kvcache', 'llama-70b 128k');
    expect(status).toBe('ok');
    expect(reply.data).toMatchObject({
      model: 'llama-3.1-70b',
      tokens: 131072,
      batch: 1,
      kvDtype: 'bf16',
      bytesPerToken: 327680,
      totalBytes: 42_949_672_960,
    });
    expect(reply.fallbackText).toBe(
      'KV cache · Llama-3.1-70B: 40.0 GiB (42.9 GB) for 131,072 tokens (128k = 128 × 1,024) × batch 1 in bf16',
    );
    const context = reply.blocks.find((b) => b.type === 'context');
    expect(context?.type === 'context' && context.text).toContain(
      '"llama-70b" read as Llama-3.1-70B (also: Llama-3-70B, Llama-2-70B).',
    );
    expect(context?.type === 'context' && context.text).toContain('GiB = 2^30 bytes; GB = 10^9 bytes.');
  });

  it('draws KV vs context with the GPU as a ceiling', async () => {
    const { reply } = await call('kvcache', 'llama-3.1-8b 32k batch=4 gpu=h100');
    const chart = reply.blocks.find((b) => b.type === 'chart');
    expect(chart?.type === 'chart' && chart.chart.kind === 'line' && chart.chart.ceilings?.[0]).toEqual({
      label: 'NVIDIA H100 SXM5 80GB memory',
      y: 80e9 / 2 ** 30,
    });
    expect(
      chart?.type === 'chart' && chart.chart.kind === 'line' && chart.chart.series.map((s) => s.name),
    ).toEqual(['bf16, batch 4', 'fp8, batch 4']);
  });

  it('applies batch, dtype and tp: per-GPU bytes are an extra field, totalBytes stays whole', async () => {
    const data = await dataOf('kvcache', 'llama-3.1-70b 131072 batch=2 dtype=fp8 tp=4');
    expect(data).toMatchObject({
      batch: 2,
      kvDtype: 'fp8',
      totalBytes: 2 * 163_840 * 131072,
      perGpuBytes: (2 * 163_840 * 131072) / 4,
      tp: 4,
    });
  });

  it('DeepSeek-V3 in bf16: 70,272 B per token (formulas.md)', async () => {
    expect(await dataOf('kvcache', 'deepseek-v3 4k')).toMatchObject({
      bytesPerToken: 70_272,
      totalBytes: 70_272 * 4096,
    });
  });

  it('accepts a pasted config.json as the model', async () => {
    const config = JSON.stringify({
      model_type: 'llama',
      hidden_size: 8192,
      num_hidden_layers: 80,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      intermediate_size: 28672,
      vocab_size: 128256,
    });
    expect(await dataOf('kvcache', `${config} 128k`)).toMatchObject({
      model: null,
      modelName: 'pasted config (llama)',
      totalBytes: 40 * 2 ** 30,
    });
  });

  it.each([
    // id, context, max_position_embeddings of the registry config
    ['llama-2-7b', '128k', '131,072', '4,096'],
    ['qwen3-8b', '128k', '131,072', '40,960'],
    ['llama-3.1-8b', '10M', '10,485,760', '131,072'],
  ])(
    '%s %s: a warning under the headline naming the maximum context, %s > %s',
    async (id, context, asked, max) => {
      const { status, reply } = await call('kvcache', `${id} ${context}`);
      expect(status).toBe('ok');
      expect(reply.blocks[2]).toEqual({
        type: 'text',
        text: `⚠️ ${asked} tokens exceeds the ${max} tokens this model's config.json allows (max_position_embeddings or its equivalent): the cache is sized as asked; a variant or RoPE scaling (YaRN, say) may allow more, the config as read does not.`,
      });
      expect(reply.data).toMatchObject({
        maxContextTokens: Number(max.replace(',', '')),
        exceedsMaxContext: true,
      });
    },
  );

  it('Llama-2-7B at 128k is still 64.0 GiB (2 · 32 · 32 · 128 · 2 B = 524,288 B × 131,072), its 4,096 marked on the chart', async () => {
    const { reply } = await call('kvcache', 'llama-2-7b 128k');
    expect(reply.data).toMatchObject({ totalBytes: 64 * 2 ** 30 });
    const chart = reply.blocks.find((b) => b.type === 'chart');
    expect(chart?.type === 'chart' && chart.chart.kind === 'line' && chart.chart.markers?.[1]).toEqual({
      label: "model's maximum context (4,096)",
      x: 4096,
      y: (524_288 * 4096) / 2 ** 30, // 2 GiB
    });
  });

  it('a near miss shows enough digits to tell weights from memory (Llama-3.1-70B bf16 on one H200)', async () => {
    const { reply } = await call('kvcache', 'llama-3.1-70b 128k gpu=h200');
    const fit = fitField(reply);
    // 70,553,706,496 params · 2 B = 141.1 GB against the data sheet's 141 GB.
    expect(fit?.value).toBe(
      'no: the weights alone (141.1 GB per GPU) exceed the 141.0 GB available; raise tp= or lower weights=',
    );
  });

  it.each([
    // 180 GB (B200 data sheet) − 141.1 GB of bf16 weights = 38.9 GB; / 327,680 B per token = 118,690 tokens.
    [
      'llama-3.1-70b 128k gpu=b200',
      '**does not fit**: 38.9 GB free after weights; not one sequence of 131,072 tokens, or 118,690 tokens per sequence at batch 1',
    ],
    // 40e9 − 16,060,522,496 B of weights (8.03B · 2 B) = 23.9 GB; / 131,072 B per token = 182,643 tokens:
    // one 131,072-token sequence, or 45,660 tokens each at batch 4.
    [
      'llama-3.1-8b 128k gpu=a100-40gb batch=4',
      '**does not fit**: 23.9 GB free after weights; up to 1 sequence of 131,072 tokens, or 45,660 tokens per sequence at batch 4',
    ],
  ])('%s: counts sequences in words (%s)', async (text, value) => {
    const { reply } = await call('kvcache', text);
    const fit = fitField(reply);
    expect(fit?.value).toBe(value);
  });

  it('caps the tokens-per-sequence fit at the model maximum (DeepSeek-V3, 163,840), saying so', async () => {
    const { reply } = await call('kvcache', 'deepseek-v3 128k tp=8 gpu=h200 weights=fp8');
    const fit = fitField(reply);
    // 141e9 − 671,026,419,200 / 8 B = 57.1 GB free; / 70,272 B per token (MLA, replicated) = 812,865
    expect(fit?.value).toBe(
      "**fits**: 57.1 GB free after weights; up to 6 sequences of 131,072 tokens, or 163,840 tokens per sequence at batch 1 (the model's maximum context; memory alone would allow 812,865)",
    );
    expect(reply.data).toMatchObject({
      maxContextTokens: 163_840,
      exceedsMaxContext: false,
      warnings: [],
      fit: { maxTokens: 163_840, maxTokensByMemory: 812_865, maxTokensAtContextLimit: true },
    });
  });

  it.each([
    ['llama-70b 12q', /"12q" has an unknown unit "q"/],
    [
      '{"model_type":"llama","hidden_size":4096,"num_hidden_layers":32,"num_attention_heads":32,"num_key_value_heads":5,"intermediate_size":11008,"vocab_size":32000} 8k',
      /32 attention heads and 5 KV heads.*32 \/ 5 = 6\.40 is not a whole number[\s\S]*"num_key_value_heads": 8 or 4/,
    ],
    ['lama-3.1-70b 128k', /Unknown model "lama-3.1-70b"/],
    ['llama-70b 128k dtype=fp7', /Unknown data type "fp7"/],
    ['llama-70b 128k tp=3', /tp=3 does not divide/],
    ['{"model_type": 12 128k', /opened but never closed/],
    ['{"model_type":"mystery","hidden_size":8} 1k', /lacks "num_hidden_layers"/],
  ])('refuses %s with a clear message', async (text, message) => {
    const { status, reply } = await call('kvcache', text);
    expect(status).toBe('user-error');
    expect(reply.fallbackText).toMatch(message);
  });
});

describe('/moe', () => {
  it.each([
    // id, total, active (with input embeddings), active without: published Mixtral 46.7B / 12.9B (Jiang et al. 2024)
    ['mixtral-8x7b', 46_702_792_704, 12_879_925_248, 12_748_853_248],
    // Phi-3-mini 3,821,079,552 (models.md); dense: active = total
    ['phi-3-mini', 3_821_079_552, 3_821_079_552, 3_821_079_552 - 32064 * 3072],
  ])(
    '%s → totalParams %d, activeParams %d, activeParamsNoInputEmbedding %d',
    async (id, total, active, noEmbedding) => {
      expect(await dataOf('moe', id)).toMatchObject({
        totalParams: total,
        activeParams: active,
        activeParamsNoInputEmbedding: noEmbedding,
      });
    },
  );

  it('deepseek-v3: the router line adds the score-correction bias, so the formula matches its value', async () => {
    const { reply } = await call('moe', 'deepseek-v3');
    const work = reply.blocks.find((b) => b.type === 'code');
    // 7168 · 256 = 1,835,008 router weights + 256 e_score_correction_bias values = 1,835,264
    expect(work?.type === 'code' && work.text).toContain(
      'Router per MoE layer\n  h · E + E (score-correction bias) = 7168 · 256 + 256 = 1,835,264 (1.84M)',
    );
  });

  it('labels both active conventions', async () => {
    const { reply } = await call('moe', 'gpt-oss-120b');
    expect(reply.fallbackText).toBe(
      'Parameters · gpt-oss-120b: 117B total, 5.71B active per token (counting the input embedding table; 5.13B without it)',
    );
  });
});

describe('/models', () => {
  it('lists every model, or those matching a search', async () => {
    const all = (await dataOf('models', '')).models as { id: string }[];
    expect(all.length).toBeGreaterThanOrEqual(35);
    const found = (await dataOf('models', 'deepseek')).models as { id: string; totalParams: number }[];
    expect(found.map((m) => m.id)).toEqual(['deepseek-v2', 'deepseek-v2-lite', 'deepseek-v3', 'deepseek-r1']);
    expect((await call('models', 'nothing-like-this')).reply.fallbackText).toContain('No model matches');
  });
});

describe('parseModel', () => {
  it('rejects invalid JSON with an example', () => {
    expect(() => parseModel('{"a": }')).toThrowError(
      expect.objectContaining({ code: 'core/bad-config-json' }),
    );
  });
});
