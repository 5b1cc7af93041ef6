import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Every bare (package) import reachable from `entry` through relative imports, by importing file. */
function reachableImports(entry: string): Map<string, string> {
  const bare = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else bare.set(specifier, file);
    }
  }
  return bare;
}

describe('@mlsys/kernels/pure', () => {
  it('reaches no onnxruntime and no process or file I/O (core and corpus import it)', () => {
    const imports = reachableImports(resolve(here, 'pure.ts'));
    expect(imports.size).toBeGreaterThan(0);
    for (const forbidden of [
      'onnxruntime-node',
      'node:child_process',
      'node:fs',
      'node:fs/promises',
      'node:worker_threads',
    ]) {
      expect(imports.get(forbidden), `${forbidden} imported by ${imports.get(forbidden)}`).toBeUndefined();
    }
  });

  it('the full entry point does reach onnxruntime (the check above can fail)', () => {
    expect(reachableImports(resolve(here, 'index.ts')).has('onnxruntime-node')).toBe(true);
  });
});
