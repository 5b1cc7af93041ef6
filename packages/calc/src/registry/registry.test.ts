import { isUserError } from '@mlsys/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../model/read-config.js';
import { MODELS, modelKey, modelNames, resolveModel, searchModels } from './registry.js';

// The ids corpus writers use in checkedBy (CORPUS-FORMAT.md): every one must resolve to itself.
const CORPUS_IDS = [
  'llama-3.1-70b',
  'llama-3.1-8b',
  'llama-3.1-405b',
  'llama-2-7b',
  'llama-2-70b',
  'mistral-7b-v0.1',
  'mixtral-8x7b',
  'mixtral-8x22b',
  'deepseek-v3',
  'deepseek-v2',
  'qwen3-8b',
  'qwen3-32b',
  'qwen3-30b-a3b',
  'qwen3-235b-a22b',
  'gemma-2-9b',
  'gemma-2-27b',
  'gemma-3-27b',
  'gpt-oss-20b',
  'gpt-oss-120b',
  'dbrx',
  'olmoe-1b-7b',
  'llama-4-scout',
  'llama-4-maverick',
  'jamba-v0.1',
  'falcon-40b',
  'opt-13b',
  'gpt-3-175b',
  'phi-3-mini',
];

describe('model registry', () => {
  it('holds at least 35 models, each read by the config reader with a source', () => {
    expect(MODELS.length).toBeGreaterThanOrEqual(35);
    for (const entry of MODELS) {
      expect(entry.id).toMatch(/^[a-z0-9.-]+$/);
      expect(entry.source.length).toBeGreaterThan(10);
      expect(readConfig(entry.config).layers.length).toBeGreaterThan(0);
    }
  });

  it.each(CORPUS_IDS)('resolves the corpus id %s to itself', (id) => {
    expect(resolveModel(id).entry.id).toBe(id);
  });

  it('has no two names with the same spelling-proof key', () => {
    const keys = new Map<string, string>();
    for (const entry of MODELS) {
      for (const name of [entry.id, ...entry.aliases]) {
        const key = modelKey(name);
        expect(keys.get(key) ?? entry.id, `${name} collides`).toBe(entry.id);
        keys.set(key, entry.id);
      }
    }
  });

  it.each([
    ['llama3.1-70b', 'llama-3.1-70b'],
    ['meta-llama/Llama-3.1-70B-Instruct', 'llama-3.1-70b'],
    ['Meta-Llama-3.1-8B', 'llama-3.1-8b'],
    ['Llama 3.1 70B', 'llama-3.1-70b'],
    ['mixtral', 'mixtral-8x7b'],
    ['deepseek-v3', 'deepseek-v3'],
    ['r1', 'deepseek-r1'],
    ['gpt-oss-120b', 'gpt-oss-120b'],
    ['qwen3-30b', 'qwen3-30b-a3b'],
    ['google/gemma-3-27b-it', 'gemma-3-27b'],
    ['llama-3-70b', 'llama-3-70b'],
  ])('resolves %s → %s', (name, id) => {
    expect(resolveModel(name).entry.id).toBe(id);
  });

  it('resolves an ambiguous name to the most likely model and says what else it could mean', () => {
    const resolved = resolveModel('llama-70b');
    expect(resolved.entry.name).toBe('Llama-3.1-70B');
    expect(resolved.alsoMatched.map((e) => e.name)).toEqual(['Llama-3-70B', 'Llama-2-70B']);
  });

  it('suggests close ids for an unknown name', () => {
    expect(() => resolveModel('lama-3.1-70b')).toThrowError(
      expect.objectContaining({
        code: 'calc/unknown-model',
        suggestions: expect.arrayContaining(['llama-3.1-70b']),
      }),
    );
    expect(() => resolveModel('constructor')).toThrowError(
      expect.objectContaining({ code: 'calc/unknown-model' }),
    );
  });

  it('suggests the models whose names contain a bare size before close spellings (8b → the 8B models)', () => {
    expect(() => resolveModel('8b')).toThrowError(
      expect.objectContaining({ suggestions: ['llama-3-8b', 'llama-3.1-8b', 'qwen3-8b'] }),
    );
  });

  it('searches ids, names, aliases and model types', () => {
    expect(searchModels('qwen3').map((e) => e.id)).toEqual([
      'qwen3-0.6b',
      'qwen3-8b',
      'qwen3-32b',
      'qwen3-30b-a3b',
      'qwen3-235b-a22b',
    ]);
    expect(searchModels('deepseek_v3').map((e) => e.id)).toEqual(['deepseek-v3', 'deepseek-r1']);
    expect(searchModels('').length).toBe(MODELS.length);
    expect(modelNames()).toContain('llama-70b');
  });

  it('returns a model or throws UserError for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom('constructor', '__proto__', 'llama', '/', '-it'),
        ),
        (raw) => {
          try {
            return resolveModel(raw).entry.id.length > 0;
          } catch (error) {
            return isUserError(error);
          }
        },
      ),
      { seed: 11, numRuns: 1000 },
    );
  });
});
