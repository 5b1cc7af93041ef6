import { afterAll, describe, expect, it } from 'vitest';
import { kernelRegistry } from '../../kernel-registry.js';
import { createKernelRunner } from '../../runner/kernel-runner.js';

/** The kernels of this folder's owner (kernels-B): every example must run end to end in the child. */
const NAMES = ['softmax', 'topk', 'topp', 'sample', 'layernorm', 'rmsnorm', 'rope', 'swiglu', 'kmeans'];

/** `a=1 b=x,y` → `{ a: '1', b: 'x,y' }` (the examples hold only `key=value` words). */
function toArgs(example: string): Record<string, string> {
  return Object.fromEntries(
    example
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => {
        const at = word.indexOf('=');
        return [word.slice(0, at), word.slice(at + 1)];
      }),
  );
}

describe('kernels-B kernels through the child-process runner', () => {
  const runner = createKernelRunner({ threads: 1 });
  afterAll(() => runner.close());

  it('registers every kernel once', () => {
    for (const name of NAMES) expect(kernelRegistry.filter((kernel) => kernel.name === name)).toHaveLength(1);
  });

  const cases = kernelRegistry
    .filter((kernel) => NAMES.includes(kernel.name))
    .flatMap((kernel) => kernel.examples.slice(0, 1).map((example) => [kernel.name, example] as const));

  it.each(cases)(
    '/kernel %s %s: every available implementation agrees with the reference',
    async (name, example) => {
      const result = await runner.run({ kernel: name, args: toArgs(example), repeats: 1 });
      expect(result.baseline).toBe('reference');
      const graphs = result.implementations.filter((impl) => impl.variant !== 'reference');
      expect(graphs.some((impl) => impl.status === 'ok')).toBe(true);
      for (const impl of graphs) {
        if (impl.status === 'ok') expect(impl.withinTolerance, `${impl.id}: ${impl.maxAbsErr}`).toBe(true);
      }
    },
  );
});
