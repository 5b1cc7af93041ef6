import { describe, expect, it } from 'vitest';
import { readConfig } from '../model/read-config.js';
import { MODELS, resolveModel } from '../registry/registry.js';
import { countParams } from './count-params.js';

const paramsOf = (id: string) => countParams(readConfig(resolveModel(id).entry.config));
const within = (actual: number, published: number, tolerance: number): void => {
  expect(Math.abs(actual / published - 1)).toBeLessThanOrEqual(tolerance);
};

describe('countParams: exact published counts', () => {
  it.each([
    // id, exact published total, source
    ['phi-3-mini', 3_821_079_552, 'formulas.md / models.md (Phi-3-mini)'],
    ['llama-2-7b', 6_738_415_616, 'Llama-2-7b-hf safetensors total'],
    ['llama-2-13b', 13_015_864_320, 'Llama-2-13b-hf safetensors total'],
    ['llama-2-70b', 68_976_648_192, 'Llama-2-70b-hf safetensors total'],
    ['mistral-7b-v0.1', 7_241_732_096, 'Mistral-7B-v0.1 safetensors total'],
    ['gpt2', 124_439_808, 'GPT-2 small (openai-community/gpt2)'],
    [
      'deepseek-v3',
      671_026_419_200,
      'DeepSeek-V3 report: 671B main model (685B on the hub adds the 14B MTP module)',
    ],
  ])('%s has %d parameters (%s)', (id, total) => {
    expect(paramsOf(id).total).toBe(total);
  });
});

describe('countParams: rounded published totals and active counts', () => {
  it.each([
    // id, total, active, which active convention, tolerance, source
    ['mixtral-8x7b', 46.7e9, 12.9e9, 'with', 0.005, 'Jiang et al. 2024 (Mixtral): 46.7B / 12.9B'],
    ['mixtral-8x22b', 141e9, 39e9, 'with', 0.005, 'Mistral AI: 141B / 39B'],
    ['deepseek-v3', 671e9, 37e9, 'without', 0.015, 'DeepSeek-V3 report: 671B / 37B'],
    ['deepseek-v2', 236e9, 21e9, 'with', 0.02, 'DeepSeek-V2 paper: 236B / 21B'],
    ['qwen3-30b-a3b', 30.5e9, 3.3e9, 'with', 0.02, 'Qwen3-30B-A3B model card: 30.5B / 3.3B'],
    ['qwen3-235b-a22b', 235e9, 22e9, 'with', 0.01, 'Qwen3-235B-A22B model card: 235B / 22B'],
    ['qwen1.5-moe-a2.7b', 14.3e9, 2.7e9, 'with', 0.005, 'Qwen1.5-MoE-A2.7B model card: 14.3B / 2.7B'],
    ['dbrx', 132e9, 36e9, 'with', 0.015, 'Databricks: 132B / 36B'],
    ['olmoe-1b-7b', 6.9e9, 1.3e9, 'with', 0.015, 'OLMoE paper: 6.9B / 1.3B'],
    ['gpt-oss-120b', 116.83e9, 5.13e9, 'without', 0.001, 'gpt-oss model card Table 1: 116.83B / 5.13B'],
    ['gpt-oss-20b', 20.91e9, 3.61e9, 'without', 0.001, 'gpt-oss model card Table 1: 20.91B / 3.61B'],
    ['llama-4-maverick', 400e9, 17e9, 'with', 0.011, 'Meta Llama 4 card: 400B / 17B'],
    ['jamba-v0.1', 52e9, 12e9, 'with', 0.01, 'Jamba paper: 52B total / 12B active'],
  ] as const)(
    '%s: %d total, %d active (%s input embeddings, ±%d; %s)',
    (id, total, active, convention, tolerance, _source) => {
      const count = paramsOf(id);
      within(count.total, total, tolerance);
      within(convention === 'with' ? count.active : count.activeNoInputEmbedding, active, tolerance);
    },
  );

  it.each([
    // Dense models: rounded totals from the model cards or papers.
    ['llama-3.1-405b', 405.85e9, 0.001, 'Llama 3.1 405B: 405.85B'],
    ['llama-3.2-1b', 1.24e9, 0.005, 'Llama 3.2 1B model card: 1.24B'],
    ['llama-3.2-3b', 3.21e9, 0.005, 'Llama 3.2 3B model card: 3.21B'],
    ['qwen3-8b', 8.2e9, 0.005, 'Qwen3-8B card: 8.2B'],
    ['qwen3-32b', 32.8e9, 0.005, 'Qwen3-32B card: 32.8B'],
    ['qwen2.5-7b', 7.61e9, 0.002, 'Qwen2.5-7B card: 7.61B'],
    ['gemma-2-9b', 9.24e9, 0.002, 'Gemma 2 9B: 9.24B'],
    ['gemma-2-27b', 27.2e9, 0.002, 'Gemma 2 27B: 27.2B'],
    ['phi-4', 14.7e9, 0.005, 'Phi-4 report: 14.7B'],
    ['opt-13b', 12.85e9, 0.001, 'OPT-13B: 12.85B'],
    ['gpt2-xl', 1.5576e9, 0.0001, 'GPT-2 XL: 1,557,611,200'],
    ['mistral-nemo-12b', 12.2e9, 0.005, 'Mistral NeMo: 12B (12.2B)'],
  ])('%s ≈ %d (±%d; %s)', (id, total, tolerance) => {
    within(paramsOf(id).total, total, tolerance);
  });

  it('Llama-4-Scout text model is 107.8B; the published 109B adds the vision encoder (within 1.5%)', () => {
    within(paramsOf('llama-4-scout').total, 109e9, 0.015);
    within(paramsOf('llama-4-scout').active, 17e9, 0.015);
  });

  it('Qwen non-embedding counts leave out both embedding tables (Qwen3-8B card: 6.95B; Qwen3-0.6B: 0.44B)', () => {
    for (const [id, published] of [
      ['qwen3-8b', 6.95e9],
      ['qwen3-0.6b', 0.44e9],
    ] as const) {
      const count = paramsOf(id);
      const tables = count.rows
        .filter((r) => r.component === 'input embeddings' || r.component === 'output head')
        .reduce((s, r) => s + r.total, 0);
      within(count.total - tables, published, 0.005);
    }
  });

  it('GPT-3 175B matches the Narayanan et al. 2021 formula P = 12lh²(1 + 13/(12h) + (V+s)/(12lh)) plus the final LayerNorm', () => {
    const [l, h, V, s] = [96, 12288, 50257, 2048];
    const narayanan = 12 * l * h * h * (1 + 13 / (12 * h) + (V + s) / (12 * l * h));
    const count = paramsOf('gpt-3-175b');
    expect(count.total).toBeCloseTo(narayanan + 2 * h, 0);
    within(count.total, 175e9, 0.003);
  });

  it('counts dense models with active = total and labels both conventions', () => {
    const count = paramsOf('llama-3.1-70b');
    expect(count.active).toBe(count.total);
    expect(count.activeNoInputEmbedding).toBe(count.total - 128256 * 8192);
    expect(count.rows.map((r) => r.component)).toEqual([
      'input embeddings',
      'output head',
      'attention',
      'dense MLP',
      'norms',
    ]);
  });

  it('Mixtral 8x7B "56B" is wrong: experts replace only the MLP (models.md common errors)', () => {
    expect(paramsOf('mixtral-8x7b').total).toBeLessThan(47e9);
  });
});

describe('countParams: work shown adds up to its result', () => {
  it.each([
    // id, step label, exact line (value by hand)
    [
      'deepseek-v3',
      'Router per MoE layer',
      // 7168 · 256 = 1,835,008, plus one e_score_correction_bias value per routed expert (256)
      'h · E + E (score-correction bias) = 7168 · 256 + 256 = 1,835,264 (1.84M)',
    ],
    [
      'gpt-oss-120b',
      'Router per MoE layer',
      // 2880 · 128 = 368,640, plus the router's bias (128)
      'h · E + E (router bias) = 2880 · 128 + 128 = 368,768 (369K)',
    ],
    [
      'gpt-oss-120b',
      'One routed expert',
      // 3 · 2880 · 2880 = 24,883,200; biases 2 · 2880 (gate_up) + 2880 (down) = 8,640
      '3 · h · d_expert + 2 · d_expert + h (biases) = 3 · 2880 · 2,880 + 2 · 2,880 + 2880 = 24,891,840 (24.9M)',
    ],
    [
      'qwen1.5-moe-a2.7b',
      'Shared expert(s) per MoE layer',
      // 3 · 2048 · 5632 = 34,603,008, plus the shared-expert gate, a 2048 × 1 linear
      'n_shared · 3 · h · d_shared + h (shared-expert gate) = 1 · 3 · 2048 · 5,632 + 2048 = 34,605,056 (34.6M)',
    ],
    [
      'gpt2',
      'Dense MLP per layer (up, down)',
      // c_fc 768 × 3072 + 3072 bias, c_proj 3072 × 768 + 768 bias = 4,722,432
      '2 · h · d_ff + d_ff + h (biases) = 2 · 768 · 3,072 + 3,072 + 768 = 4,722,432 (4.72M)',
    ],
    ['mixtral-8x7b', 'Router per MoE layer', 'h · E = 4096 · 8 = 32,768 (32.8K)'],
  ])('%s: %s', (id, label, line) => {
    const step = paramsOf(id).work.find((s) => s.label === label);
    expect(step && `${step.formula} = ${step.substituted} = ${step.result}`).toBe(line);
  });

  it('DeepSeek-V3 active = total − 58 MoE layers · (256 − 8) unused experts · 44,040,192 = 37,552,297,472', () => {
    const step = paramsOf('deepseek-v3').work.at(-1)!;
    expect(step.substituted).toBe('671,026,419,200 − 58 · (256 − 8) · 44,040,192');
    expect(step.result).toBe('37,552,297,472 (37.6B)');
  });

  it('every registry model: each arithmetic step evaluates to its result', () => {
    const arithmetic = /^[\d,\s·+−()]+$/;
    for (const entry of MODELS) {
      for (const step of countParams(readConfig(entry.config)).work) {
        if (!arithmetic.test(step.substituted)) continue;
        const shown = Number(step.result.split(' ')[0]!.replace(/,/g, ''));
        expect([entry.id, step.label, evaluate(step.substituted)]).toEqual([entry.id, step.label, shown]);
      }
    }
  });
});

/** Evaluates `a · b + (c − d) · e` as written in work shown (·, +, −, parentheses, 1,234 numbers). */
function evaluate(text: string): number {
  const tokens = text.match(/\d[\d,]*|[·+−()]/g) ?? [];
  let i = 0;
  const primary = (): number => {
    const token = tokens[i++]!;
    if (token !== '(') return Number(token.replace(/,/g, ''));
    const value = sum();
    i++; // ')'
    return value;
  };
  const product = (): number => {
    let value = primary();
    while (tokens[i] === '·') {
      i++;
      value *= primary();
    }
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (tokens[i] === '+' || tokens[i] === '−') {
      const op = tokens[i++];
      value = op === '+' ? value + product() : value - product();
    }
    return value;
  };
  return sum();
}
