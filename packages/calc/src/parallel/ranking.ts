import { roundSig } from '../format/format-number.js';

/** What ranking compares of a layout: estimated step time and memory per GPU. */
export interface RankedFigures {
  stepSeconds: number;
  memoryBytes: number;
}

/**
 * A step time as replies show it, to 3 significant digits (`33.468…` → 33.5, `1,234.6` → 1,235).
 * Layouts with the same shown step time tie on time: the estimate is too rough to tell them apart, and a
 * reader of the table could not either.
 */
export function shownStepSeconds(stepSeconds: number): number {
  return roundSig(stepSeconds);
}

/**
 * True when layout `a` ranks before `b`: lower shown step time ({@link shownStepSeconds}); on a tie,
 * less memory per GPU; then the exact step time. A total order, so the table's step-time column never
 * goes down and tied rows list the leaner layout first.
 */
export function ranksBefore(a: RankedFigures, b: RankedFigures): boolean {
  const timeA = shownStepSeconds(a.stepSeconds);
  const timeB = shownStepSeconds(b.stepSeconds);
  if (timeA !== timeB) return timeA < timeB;
  if (a.memoryBytes !== b.memoryBytes) return a.memoryBytes < b.memoryBytes;
  return a.stepSeconds < b.stepSeconds;
}
