import { describe, expect, it } from 'vitest';
import { kvcacheCommand } from './calculators/kvcache.js';
import { specdecCommand } from './calculators/specdec.js';
import { usageOf } from './usage.js';

describe('usageOf', () => {
  it.each([
    // gpu has no default (absent = no fit line): "…", not an example that would read as the default.
    [kvcacheCommand, '<model> <context> [batch=1] [dtype=bf16] [tp=1] [gpu=…] [weights=bf16] [reserve=0]'],
    // Required options without a default: bare "…"; the example line of the error shows real values.
    [specdecCommand, 'alpha=… gamma=… [draft_cost=0]'],
  ])('%#: %s', (spec, usage) => {
    expect(usageOf(spec)).toBe(usage);
  });
});
