import type { Clock } from './services.js';

/** A {@link Clock} that moves only when told: for tests and simulations. */
export interface ManualClock extends Clock {
  /** Sets the time, epoch ms. */
  set(epochMs: number): void;
  /** Moves the time forward by `ms`. */
  advance(ms: number): void;
}

/** Creates a manual clock starting at `startMs` (epoch ms). */
export function createManualClock(startMs: number): ManualClock {
  let now = startMs;
  return {
    now: () => new Date(now),
    set: (epochMs) => {
      now = epochMs;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
