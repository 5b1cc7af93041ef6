import { afterAll, describe, expect, it } from 'vitest';
import { executeKernel } from './execute-kernel.js';
import { createSessionCache } from './session-cache.js';

const sessions = createSessionCache(1);
afterAll(() => sessions.clear());

describe('executeKernel', () => {
  it('collects garbage before every timed run, reference and graphs alike, when asked', async () => {
    let calls = 0;
    const result = await executeKernel(
      { kernel: 'softmax', args: { logits: '2,1,0.5,0.1' }, repeats: 3 },
      {
        sessions,
        threads: 1,
        maxReferenceFlops: Number.POSITIVE_INFINITY,
        referenceRuns: 2,
        collectGarbage: () => {
          calls++;
        },
      },
    );
    const timedGraphs = result.implementations.filter((impl) => impl.variant !== 'reference');
    expect(timedGraphs.map((impl) => impl.status)).toEqual(['ok', 'ok']); // composed, softmax-13
    // 2 reference runs + 3 timed runs of each of the 2 graphs (their warm-up runs untimed, uncollected)
    expect(calls).toBe(2 + 3 * 2);
    // 4 bytes per float32 probability of the 4 logits
    expect(result.outputBytes).toBe(16);
  });
});
