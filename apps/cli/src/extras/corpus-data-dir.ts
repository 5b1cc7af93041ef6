import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CorpusSource } from '@mlsys/corpus';
import { UserError } from '@mlsys/errors';

/** The `data/` folder of the installed `@mlsys/corpus` package. */
export function corpusDataDir(): string {
  const manifest = createRequire(import.meta.url).resolve('@mlsys/corpus/package.json');
  return join(dirname(manifest), 'data');
}

/**
 * Reads every `*.yaml` of a data folder, sorted, named `data/<file>` in messages.
 *
 * @throws UserError `cli/no-corpus-data` when the folder cannot be read.
 */
export function readCorpusDir(dir: string): CorpusSource[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new UserError('cli/no-corpus-data', `Cannot read the corpus folder ${dir}.`, {
      example: 'mlsys corpus check --dir packages/corpus/data',
      cause: error,
    });
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ name: `data/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}
