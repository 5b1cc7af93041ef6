import type { Clock } from '@mlsys/core';

/** The bot's clock in the playground: real time plus an offset a developer can move forward. */
export interface OffsetClock extends Clock {
  /** Moves the bot's time forward by `ms` (never back). */
  advance(ms: number): void;
}

/** Creates a clock running at real speed from `base()` plus an adjustable offset. */
export function createOffsetClock(base: () => number = Date.now): OffsetClock {
  let offset = 0;
  return {
    now: () => new Date(base() + offset),
    advance: (ms) => {
      offset += Math.max(0, ms);
    },
  };
}
