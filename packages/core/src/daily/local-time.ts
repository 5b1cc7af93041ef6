import { closestNames, UserError } from '@mlsys/errors';

/**
 * Wall-clock arithmetic in IANA time zones with `Intl` only (no dependency). Local dates are
 * `YYYY-MM-DD` strings, times of day `HH:MM`, instants epoch milliseconds.
 *
 * @module
 */

/** A calendar date in some zone, `YYYY-MM-DD`. */
export type LocalDate = string;

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of `instant` in `timeZone`, as if that wall time were UTC (ms since epoch). */
export function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const ms = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!, ms);
}

/** The zone's offset from UTC at `instant`, ms (e.g. −5 h for New York in winter). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  return wallClockMs(instant, timeZone) - instant;
}

/** The local date of `instant` in `timeZone`. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  return new Date(wallClockMs(instant, timeZone)).toISOString().slice(0, 10);
}

/** The local time of day of `instant` in `timeZone`, `HH:MM`. */
export function localTimeOf(instant: number, timeZone: string): string {
  return new Date(wallClockMs(instant, timeZone)).toISOString().slice(11, 16);
}

/** `date` plus `days` (may be negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** The Monday of the week of `date` (weeks run Monday to Sunday, ISO 8601). */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/**
 * The instant at which the wall clock of `timeZone` shows `date` `time`. On a day clocks skip that
 * time (spring forward: New York has no 02:30 on 2026-03-08) it is the first valid minute after the
 * gap (03:00); on a day it happens twice (fall back: London shows 01:30 twice on 2026-10-25) it is the
 * first of the two, so anything scheduled at it happens once.
 */
export function instantOfLocal(date: LocalDate, time: string, timeZone: string): number {
  const target = Date.parse(`${date}T${time}:00Z`);
  // The offsets a day either side cover any single transition near the target.
  const offsets = [...new Set([zoneOffsetMs(target - DAY, timeZone), zoneOffsetMs(target + DAY, timeZone)])];
  const exact = offsets
    .map((offset) => target - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === target)
    .sort((a, b) => a - b);
  if (exact.length > 0) return exact[0]!;
  // A gap: find the first minute whose wall clock is at or past the target.
  let lo = target - Math.max(...offsets);
  let hi = target - Math.min(...offsets);
  if (wallClockMs(lo, timeZone) >= target) return lo;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (mid === lo) break;
    if (wallClockMs(mid, timeZone) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

let zones: Set<string> | undefined;

/**
 * Reads an IANA time zone name (`Europe/London`, `america/new_york`, `UTC`) into its canonical spelling.
 *
 * @throws UserError `daily/bad-time-zone` with close names and an example.
 */
export function parseTimeZone(raw: string): string {
  const text = raw.trim();
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  const exact = [...zones].find((zone) => zone.toLowerCase() === text.toLowerCase());
  if (exact) return exact;
  try {
    // Accepts aliases Intl knows but does not list (e.g. Asia/Calcutta) and returns the name it resolved.
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    throw new UserError(
      'daily/bad-time-zone',
      `"${raw}" is not an IANA time zone: use a name like Europe/London or America/New_York.`,
      { suggestions: closestNames(text, [...zones]), example: 'tz=Europe/London' },
    );
  }
}

/**
 * Reads a time of day, `HH:MM` in 24-hour form (`9:30` and `09:30` both work).
 *
 * @throws UserError `daily/bad-time` otherwise.
 */
export function parseTimeOfDay(raw: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(raw.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    throw new UserError('daily/bad-time', `"${raw}" is not a time of day: use 24-hour HH:MM.`, {
      example: 'time=09:30',
    });
  }
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}
