/** Wall-clock time, injected so tests and simulators run on a fake clock. */
export interface Clock {
  now(): Date;
}

/** Randomness, injected so draws are reproducible from a seed. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/**
 * What commands may use beyond their input. The bot's entry points build one; tests build one from
 * in-memory fakes. Later ports (store, messenger, kernel runner) are added here as optional members.
 */
export interface Services {
  clock: Clock;
  random: Random;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** `Math.random` as a {@link Random}. */
export const systemRandom: Random = { next: () => Math.random() };
