import { UserError } from '@mlsys/errors';
import type { DailySubscription } from '../ports/store-daily.js';
import { addDays, instantOfLocal, isoWeekday, type LocalDate, localDateOf } from './local-time.js';

/** Default reveal delay: 8 hours after the post, ms. */
export const DEFAULT_REVEAL_AFTER_MS = 8 * 3_600_000;

/** A claim older than this without a message is taken over by another instance, ms (10 minutes). */
export const STALE_CLAIM_MS = 10 * 60_000;

/**
 * The idempotency key of a daily message in its channel (see `PostOptions.key`): one question, one
 * reveal and one weekly leaderboard per local date, e.g. `daily/question/2026-11-24`.
 */
export const dailyPostKey = (kind: 'question' | 'reveal' | 'leaderboard', localDate: LocalDate): string =>
  `daily/${kind}/${localDate}`;

/** Every day of the week, ISO numbering. */
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

/** The schedule fields of a subscription. */
export type DailySchedule = Pick<DailySubscription, 'timeZone' | 'localTime' | 'weekdays'>;

/** One scheduled post: its local date and the instant its local time falls on (DST-adjusted). */
export interface Occurrence {
  localDate: LocalDate;
  at: number;
}

/** The first posting day on or after `from`, with its instant. */
export function occurrenceOnOrAfter(schedule: DailySchedule, from: LocalDate): Occurrence {
  for (let i = 0; i < 7; i++) {
    const date = addDays(from, i);
    if (schedule.weekdays.includes(isoWeekday(date))) {
      return { localDate: date, at: instantOfLocal(date, schedule.localTime, schedule.timeZone) };
    }
  }
  throw new Error('daily: a schedule without weekdays');
}

/** The next post strictly after `now`'s local date's post time has passed: for a new subscription. */
export function nextOccurrenceAfter(schedule: DailySchedule, now: number): Occurrence {
  const today = occurrenceOnOrAfter(schedule, localDateOf(now, schedule.timeZone));
  return today.at > now ? today : occurrenceOnOrAfter(schedule, addDays(today.localDate, 1));
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * Reads weekdays: `weekdays`, `weekends`, `daily`/`all`, or days and ranges such as `mon-fri`,
 * `mon,wed,fri`, `tue-thu,sat` (names of three letters or more). Returns ISO numbers ascending.
 *
 * @throws UserError `daily/bad-days` with an example.
 */
export function parseWeekdays(raw: string): number[] {
  const text = raw.trim().toLowerCase();
  if (text === 'weekdays') return [1, 2, 3, 4, 5];
  if (text === 'weekends') return [6, 7];
  if (text === 'daily' || text === 'all' || text === 'every') return [...EVERY_DAY];
  const day = (name: string) => {
    const index = name.length >= 3 ? DAY_NAMES.findIndex((full) => full.startsWith(name)) : -1;
    if (index < 0) {
      throw new UserError(
        'daily/bad-days',
        `"${name}" is not a day: use mon, tue, wed, thu, fri, sat, sun.`,
        {
          example: 'days=mon-fri',
        },
      );
    }
    return index + 1;
  };
  const days = new Set<number>();
  for (const part of text.split(/[,+\s]+/).filter(Boolean)) {
    const [from, to] = part.split('-');
    if (to === undefined) days.add(day(from!));
    else {
      const a = day(from!);
      const b = day(to);
      for (let d = a; ; d = (d % 7) + 1) {
        days.add(d);
        if (d === b) break;
      }
    }
  }
  if (days.size === 0) {
    throw new UserError('daily/bad-days', 'Name at least one day.', { example: 'days=mon-fri' });
  }
  return [...days].sort((a, b) => a - b);
}

/** Weekdays as short text: `Mon–Fri`, `every day`, `Mon, Wed, Fri`. */
export function describeWeekdays(days: readonly number[]): string {
  const key = days.join(',');
  if (key === '1,2,3,4,5,6,7') return 'every day';
  if (key === '1,2,3,4,5') return 'Mon–Fri';
  if (key === '6,7') return 'Sat–Sun';
  return days.map((d) => DAY_NAMES[d - 1]!.slice(0, 3).replace(/^./, (c) => c.toUpperCase())).join(', ');
}
