import { describe, expect, it } from 'vitest';
import { createPngWorkers } from './png-workers.js';

const square = (colour: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3" fill="${colour}"/></svg>`;

describe('createPngWorkers', () => {
  it('renders queued jobs on one worker in order, fails a bad SVG alone, and keeps serving', async () => {
    const workers = createPngWorkers(1);
    const results = await Promise.allSettled([
      workers.render(square('red'), {}),
      workers.render('<svg', {}),
      workers.render(square('blue'), {}),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const first = results[0] as PromiseFulfilledResult<{ png: Buffer; width: number; height: number }>;
    expect([first.value.width, first.value.height]).toEqual([4, 3]);
    expect(first.value.png.subarray(1, 4).toString()).toBe('PNG');
    expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/^chart render failed: /);
    expect((await workers.render(square('green'), {})).width).toBe(4);
  });
});
