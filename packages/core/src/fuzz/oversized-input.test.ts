import { describe, expect, it } from 'vitest';
import { MAX_ARGUMENT_TEXT } from '../commands/tokenize-args.js';
import { fuzzInvocation, fuzzRouter } from './fuzz-harness.js';

/** Llama-3.1-8B's architecture fields (shared/reference/hf-configs/meta-llama--Meta-Llama-3.1-8B.json). */
const LLAMA_8B = {
  model_type: 'llama',
  hidden_size: 4096,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  intermediate_size: 14336,
  vocab_size: 128256,
};

/** The config padded with a filler field until the whole argument text is `length` characters. */
function paddedConfig(length: number, rest = ' 128k'): string {
  const bare = JSON.stringify({ ...LLAMA_8B, filler: '' });
  return `${bare.replace('"filler":""', `"filler":"${'x'.repeat(length - bare.length - rest.length)}"`)}${rest}`;
}

/**
 * Inputs at and past the caps: past a cap must be a user error; at one, a result or a user error
 * (`answered`) will do, as long as it comes back and is not an internal error.
 */
const CASES: readonly [command: string, text: string, expected: 'answered' | 'user-error'][] = [
  ['parallel', 'llama-3.1-70b gpus=1e9', 'user-error'],
  ['parallel', 'llama-3.1-70b gpus=1000000', 'answered'],
  ['parallel', 'params=1e30 gpus=1024', 'user-error'],
  ['parallel', 'llama-3.1-70b gpus=1024 global_batch=1e12', 'user-error'],
  ['kvcache', 'llama-70b 1e12', 'user-error'],
  ['kvcache', 'llama-70b 1000000000000', 'user-error'],
  ['kvcache', 'llama-70b 128k batch=1e12', 'user-error'],
  ['kvcache', paddedConfig(MAX_ARGUMENT_TEXT), 'answered'],
  ['kvcache', paddedConfig(MAX_ARGUMENT_TEXT + 1), 'user-error'],
  ['kvcache', `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)} 128k`, 'user-error'],
  ['moe', paddedConfig(MAX_ARGUMENT_TEXT, ''), 'answered'],
  ['chinchilla', '1e30', 'user-error'], // past the 1e15-parameter cap
  ['chinchilla', 'flops=1e400', 'user-error'],
  ['models', 'x'.repeat(MAX_ARGUMENT_TEXT), 'answered'],
  ['specdec', 'alpha=0.8 gamma=1e9', 'user-error'],
  ['kernel', 'attention seq=1e9', 'user-error'],
  ['kernel', 'softmax rows=1e6 vocab=1e12', 'user-error'],
  ['kernel', `softmax logits=${Array.from({ length: 3_000 }, (_, i) => i % 10).join(',')}`, 'answered'],
  ['quiz', 'start any rounds=1e9', 'user-error'],
  ['quiz', 'start any seconds=1e12', 'user-error'],
];

describe('inputs at the size caps', () => {
  it(`answers all ${CASES.length} with a result or a user error`, async () => {
    const { router, incidents } = fuzzRouter(12);
    const answered: string[] = [];
    for (const [i, [command, text]] of CASES.entries()) {
      const { status } = await router.dispatch(fuzzInvocation(command, text, i, i));
      const shown = status === 'internal-error' || CASES[i]![2] === 'user-error' ? status : 'answered';
      answered.push(`/${command} ${text.slice(0, 50)} (${text.length} chars) → ${shown}`);
    }
    expect(incidents).toEqual([]);
    expect(answered).toEqual(
      CASES.map(
        ([command, text, expected]) =>
          `/${command} ${text.slice(0, 50)} (${text.length} chars) → ${expected}`,
      ),
    );
  });
});
