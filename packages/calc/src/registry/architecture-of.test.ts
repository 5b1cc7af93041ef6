import { describe, expect, it } from 'vitest';
import { readConfig } from '../model/read-config.js';
import { architectureOf } from './architecture-of.js';
import { modelById } from './registry.js';

describe('architectureOf', () => {
  it('reads a registry model once and returns the same frozen architecture', () => {
    const entry = modelById('llama-3.1-70b')!;
    const first = architectureOf(entry);
    expect(architectureOf(entry)).toBe(first);
    expect(first).toEqual(readConfig(entry.config));
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.layers)).toBe(true);
  });
});
