import { describe, expect, it } from 'vitest';
import type { Question } from '../schema/corpus-file-schema.js';
import { questionSchema } from '../schema/question-schema.js';
import { chinchillaComputeQuestion, chinchillaParamsQuestion } from './chinchilla-optimal.js';
import { generateParametricQuestion, PARAMETRIC_GENERATORS } from './generate-parametric.js';
import { kvCacheQuestion } from './kv-cache-size.js';
import { moeActiveQuestion } from './moe-active.js';
import { pipelineBubbleQuestion } from './pipeline-bubble.js';
import { specdecTokensQuestion } from './specdec-tokens.js';
import { zeroMemoryQuestion } from './zero-memory.js';

const right = (question: Question) =>
  question.kind === 'single' ? question.choices.find((choice) => choice.correct)!.text : undefined;
const labels = (question: Question) =>
  question.kind === 'single' ? question.choices.map((c) => c.text) : [];

describe('parametric questions against published figures', () => {
  it.each([
    // formulas.md "KV cache": Llama-3.1-70B bf16 at 131,072 tokens = 40.0 GiB; with 64 KV heads (MHA) 320 GiB.
    [{ model: 'llama-3.1-70b', contextK: 128, batch: 1, dtype: 'bf16' }, '40.0 GiB', '320 GiB'],
    // formulas.md: OPT-13B (MHA) 2·5120·40·2 B = 800 KiB per token → 2,048 tokens = 1.56 GiB; no GQA distractor.
    [{ model: 'opt-13b', contextK: 2, batch: 1, dtype: 'bf16' }, '1.56 GiB', '1.68 GiB'],
  ] as const)('kv cache %j', (params, answer, distractor) => {
    const question = kvCacheQuestion(params, 'kv-cache-test');
    expect(right(question)).toBe(answer);
    expect(labels(question)).toContain(distractor);
  });

  it('kv cache of Qwen3-32B shows the head_dim trap (hidden/heads = 80, config head_dim 128)', () => {
    const question = kvCacheQuestion(
      { model: 'qwen3-32b', contextK: 32, batch: 1, dtype: 'bf16' },
      'kv-cache-t',
    );
    // 2 · 64 layers · 8 · 128 · 2 B = 262,144 B/token × 32,768 = 8.00 GiB; with head_dim 80: 5.00 GiB.
    expect(right(question)).toBe('8.00 GiB');
    expect(
      question.kind === 'single' &&
        question.choices.some((c) => c.text === '5.00 GiB' && /head_dim/.test(c.why)),
    ).toBe(true);
    expect(question.explanation).toContain('2 · 64 · 8 · 128 · 2 B = 262,144 B');
  });

  it.each([
    // formulas.md "Parameter counts": Mixtral 8x7B 46.7B total / 12.9B active (counting the embedding tables).
    ['mixtral-8x7b', '46.7B total / 12.9B active'],
    // formulas.md: Qwen3-30B-A3B 30.5B / 3.3B.
    ['qwen3-30b-a3b', '30.5B total / 3.35B active'],
    // formulas.md: OLMoE-1B-7B 6.9B / 1.3B.
    ['olmoe-1b-7b', '6.92B total / 1.28B active'],
  ] as const)('moe %s', (model, answer) => {
    const question = moeActiveQuestion(model, 'moe-test');
    expect(right(question)).toBe(answer);
    expect(labels(question).some((label) => label.endsWith(`/ ${label.split(' ')[0]} active`))).toBe(true);
  });

  it.each([
    // ZeRO paper Figure 1: Ψ = 7.5B, N_d = 64: baseline 120 GB, P_os 31.4 GB, P_os+g 16.6 GB, P_os+g+p 1.9 GB.
    [1, '31.4 GB'],
    [2, '16.6 GB'],
    [3, '1.88 GB'],
  ] as const)('ZeRO stage %d of 7.5B on 64 GPUs', (stage, answer) => {
    const question = zeroMemoryQuestion({ params: 7.5e9, dp: 64, stage }, 'distributed-training-test');
    expect(right(question)).toBe(answer);
    expect(labels(question)).toContain('120 GB');
  });

  it('chinchilla: 70B at 20 tokens/param is 5.88e23 FLOPs; the 5.76e23 budget buys about 69B', () => {
    // Hoffmann et al. 2022: Chinchilla is 70B on 1.4T tokens; Gopher's budget was 5.76e23 FLOPs.
    expect(right(chinchillaComputeQuestion(70e9, 'scaling-laws-t'))).toBe('5.88e23 FLOPs');
    expect(right(chinchillaParamsQuestion(5.76e23, 'scaling-laws-t'))).toBe('69.3B parameters');
  });

  it('specdec: α = 0.6, γ = 4 gives 2.3056 tokens per target pass (formulas.md, Leviathan et al. 2023)', () => {
    const question = specdecTokensQuestion(0.6, 4, 'speculative-decoding-t');
    expect(right(question)).toBe('2.31 tokens');
    expect(question.explanation).toContain('**2.306**');
  });

  it.each([
    // Narayanan et al. 2021 §2.2: bubble (p − 1)/m, interleaved (p − 1)/(v·m).
    [{ stages: 4, microBatches: 8, chunks: 1 }, 37.5],
    [{ stages: 4, microBatches: 8, chunks: 2 }, 18.75],
    [{ stages: 8, microBatches: 64, chunks: 4 }, 2.734375],
  ])('pipeline bubble %j = %d%%', (params, percent) => {
    const question = pipelineBubbleQuestion(params, 'distributed-training-t');
    expect(question.kind === 'numeric' && question.answer).toEqual({
      value: percent,
      unit: '%',
      tolerance: 0.02,
      partialTolerance: 0.1,
    });
  });
});

describe('generateParametricQuestion', () => {
  const valid = (question: Question) => {
    const { topic: _topic, ...inFile } = question;
    return questionSchema.safeParse(inFile);
  };

  it('makes valid questions from every generator over many seeds, reproducibly', () => {
    for (const generator of PARAMETRIC_GENERATORS) {
      for (let seed = 0; seed < 60; seed++) {
        const question = generateParametricQuestion({ generator: generator.name, seed });
        const parsed = valid(question);
        expect(parsed.success ? [] : parsed.error.issues, `${generator.name} seed ${seed}`).toEqual([]);
        expect(question.id).toBe(`${generator.topic}-parametric-${generator.name}-${seed}`);
        expect(question.id.startsWith(`${question.topic}-`)).toBe(true);
        expect(generateParametricQuestion({ generator: generator.name, seed })).toEqual(question);
      }
    }
  });

  it('gives fresh numbers for fresh seeds and honours the topic', () => {
    const prompts = new Set(
      Array.from({ length: 20 }, (_, seed) => generateParametricQuestion({ topic: 'kv-cache', seed }).prompt),
    );
    expect(prompts.size).toBeGreaterThan(10);
    for (let seed = 0; seed < 20; seed++) {
      expect(generateParametricQuestion({ topic: 'distributed-training', seed }).topic).toBe(
        'distributed-training',
      );
    }
  });

  it('refuses unknown generators and topics without one', () => {
    expect(() => generateParametricQuestion({ generator: 'kv-cach', seed: 1 })).toThrow(
      expect.objectContaining({ code: 'corpus/unknown-generator', suggestions: ['kv-cache-size'] }),
    );
    expect(() => generateParametricQuestion({ topic: 'rag', seed: 1 })).toThrow(
      expect.objectContaining({ code: 'corpus/no-generator' }),
    );
  });
});
