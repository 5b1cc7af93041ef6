import { availableParallelism } from 'node:os';

/**
 * Runs CPU-heavy work (chart renders) at most `slots` at a time, first come first served. With one
 * core left free, a server's event loop keeps acknowledging requests while charts render.
 */
export interface RenderSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** Creates the limiter; `slots` defaults to all cores but one (at least one). */
export function createRenderSlots(slots = Math.max(1, availableParallelism() - 1)): RenderSlots {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(work) {
      if (active >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await work();
      } finally {
        const next = waiting.shift();
        // The slot passes straight to the next in line, or is freed.
        if (next) next();
        else active--;
      }
    },
  };
}
