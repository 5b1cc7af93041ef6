import { describe, expect, it } from 'vitest';
import { readEnv } from './env.js';

describe('readEnv: KERNEL_TIMEOUT_MS', () => {
  it('is absent unless set (the runner keeps its 60 s) and read as whole milliseconds', () => {
    expect(readEnv({}).KERNEL_TIMEOUT_MS).toBeUndefined();
    expect(readEnv({ KERNEL_TIMEOUT_MS: '2500' }).KERNEL_TIMEOUT_MS).toBe(2500);
  });

  it.each(['soon', '1.5', '50', '700000'])('refuses %j, naming the variable', (value) => {
    expect(() => readEnv({ KERNEL_TIMEOUT_MS: value })).toThrow(/^Bad environment:\n {2}KERNEL_TIMEOUT_MS: /);
  });
});
