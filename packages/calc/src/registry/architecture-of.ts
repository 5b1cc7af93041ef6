import type { Architecture } from '../model/architecture.js';
import { readConfig } from '../model/read-config.js';
import type { ModelEntry } from './model-entry.js';

const cache = new WeakMap<ModelEntry, Architecture>();

/**
 * The architecture of a registry model, read from its config once and kept (entries never change).
 * The result is frozen, so no caller can alter what the next one reads.
 */
export function architectureOf(entry: ModelEntry): Architecture {
  let arch = cache.get(entry);
  if (arch === undefined) {
    arch = deepFreeze(readConfig(entry.config));
    cache.set(entry, arch);
  }
  return arch;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
