import { describe, expect, it } from 'vitest';
import { resolveModel } from '../registry/registry.js';
import { compareAll } from './accuracy.js';
import { ACCURACY_ROWS } from './accuracy-rows.js';

const compared = compareAll();
const label = (i: number) => {
  const { row } = compared[i]!;
  return `${row.model} ${row.quantity}: ${row.stated} (${row.source})`;
};

describe('accuracy table (issue 8): our figures against published ones', () => {
  it('covers the models of the issue, each in the registry and with a source', () => {
    expect(ACCURACY_ROWS.map((row) => row.model)).toEqual(
      expect.arrayContaining([
        'opt-13b',
        'llama-3.1-70b',
        'gemma-3-27b',
        'jamba-v0.1',
        'deepseek-v3',
        'mixtral-8x7b',
        'qwen3-30b-a3b',
        'dbrx',
        'olmoe-1b-7b',
        'gpt-3-175b',
      ]),
    );
    for (const row of ACCURACY_ROWS) {
      expect(resolveModel(row.model).entry.id).toBe(row.model);
      expect(row.source.length).toBeGreaterThan(10);
    }
  });

  it.each(compared.map((c, i) => [label(i), c] as const).filter(([, c]) => !c.row.discrepancy))(
    '%s: error within the rounding of the published figure',
    (_, { relativeError, row }) => {
      expect(Math.abs(relativeError)).toBeLessThanOrEqual(row.tolerance * (1 + 1e-12));
    },
  );

  it.each(compared.map((c, i) => [label(i), c] as const).filter(([, c]) => c.row.discrepancy))(
    '%s: a known discrepancy, outside rounding but within its stated bound',
    (_, { relativeError, row }) => {
      expect(Math.abs(relativeError)).toBeGreaterThan(row.tolerance);
      expect(Math.abs(relativeError)).toBeLessThanOrEqual(row.discrepancy!.bound);
    },
  );

  it('pins the exact figures: OPT-13B 819,200 B/token, Llama-2-7B 2^37 B and Jamba 2^32 B at 256K', () => {
    const ours = (model: string, quantity: string) =>
      compared.find((c) => c.row.model === model && c.row.quantity.startsWith(quantity))!;
    expect(ours('opt-13b', 'KV per token').ours).toBe(800);
    expect(ours('llama-2-7b', 'KV at 256K').ours).toBe(128);
    expect(ours('jamba-v0.1', 'KV at 256K').ours).toBe(4);
    expect(ours('deepseek-v3', 'KV per token').ours).toBe(70_272);
  });
});
