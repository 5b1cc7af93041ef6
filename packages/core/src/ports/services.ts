/** Wall-clock time, injected so tests and simulators run on a fake clock. */
export interface Clock {
  now(): Date;
}

/** Randomness, injected so draws are reproducible from a seed. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

import type { Corpus } from '@mlsys/corpus';
import type { KernelRunner } from './kernel-runner.js';
import type { Messenger } from './messenger.js';
import type { QuestionSource } from './question-source.js';
import type { Store } from './store.js';

/**
 * What commands may use beyond their input. The bot's entry points build one; tests build one from
 * in-memory fakes. Later ports (store, messenger, kernel runner) are added here as optional members.
 */
export interface Services {
  clock: Clock;
  random: Random;
  /** Persistence; commands that need it (quiz, daily) answer with a clear error without it. */
  store?: Store;
  /** Pushes timer-driven messages (quiz rounds); without it they are not sent anywhere. */
  messenger?: Messenger;
  /** Quiz questions; the corpus in the bot. */
  questions?: QuestionSource;
  /**
   * The question corpus for `/question`, the daily question and review; the shipped corpus
   * (`loadBuiltinCorpus`) when absent.
   */
  corpus?: Corpus;
  /** Runs `/kernel` out of process; `/kernel` answers with a clear error without it. */
  kernels?: KernelRunner;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** `Math.random` as a {@link Random}. */
export const systemRandom: Random = { next: () => Math.random() };
