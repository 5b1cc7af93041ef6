import { describe, expect, it } from 'vitest';
import { createRenderSlots } from './render-slots.js';

describe('createRenderSlots', () => {
  it('runs at most `slots` jobs at once, in arrival order, and frees the slot when a job fails', async () => {
    const slots = createRenderSlots(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const job = (n: number) =>
      slots.run(async () => {
        started.push(n);
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (n === 3) throw new Error('render failed');
        return n;
      });
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(job));
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([
      1,
      2,
      'failed',
      4,
      5,
      6,
    ]);
    expect(await job(7)).toBe(7);
  });
});
