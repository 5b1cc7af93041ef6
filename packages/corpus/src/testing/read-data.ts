import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CorpusSource } from '../load/compile-corpus.js';

/** The package's `data/` folder. */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/**
 * Reads every `*.yaml` of a data folder (default: the package's `data/`), sorted by name, named
 * `data/<file>` for messages. For tests and checks on source; the runtime never reads files.
 */
export function readCorpusSources(dir: string = DATA_DIR): CorpusSource[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ name: `data/${name}`, text: readFileSync(`${dir}/${name}`, 'utf8') }));
}
