import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  instantOfLocal,
  isoWeekday,
  localDateOf,
  localTimeOf,
  mondayOf,
  parseTimeOfDay,
  parseTimeZone,
} from './local-time.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('instantOfLocal', () => {
  // Transition dates from the IANA tz database as shipped with Node's ICU: US DST starts the second
  // Sunday of March at 02:00 (2026-03-08); the EU's ends the last Sunday of October at 01:00 UTC
  // (2026-10-25); Lord Howe Island moves by 30 minutes (2:00 → 2:30 on the first Sunday of October).
  it.each([
    [
      'an ordinary New York morning (EST, UTC−5)',
      '2026-03-07',
      '09:00',
      'America/New_York',
      '2026-03-07T14:00:00.000Z',
    ],
    [
      'the New York morning after spring forward (EDT, UTC−4)',
      '2026-03-08',
      '09:00',
      'America/New_York',
      '2026-03-08T13:00:00.000Z',
    ],
    [
      '02:30 in New York on 2026-03-08 does not exist: 03:00 EDT',
      '2026-03-08',
      '02:30',
      'America/New_York',
      '2026-03-08T07:00:00.000Z',
    ],
    [
      '02:00 in New York on 2026-03-08 does not exist either: 03:00 EDT',
      '2026-03-08',
      '02:00',
      'America/New_York',
      '2026-03-08T07:00:00.000Z',
    ],
    [
      '01:30 in London on 2026-10-25 happens twice: the first (BST)',
      '2026-10-25',
      '01:30',
      'Europe/London',
      '2026-10-25T00:30:00.000Z',
    ],
    [
      '09:00 in London after fall back (GMT)',
      '2026-10-25',
      '09:00',
      'Europe/London',
      '2026-10-25T09:00:00.000Z',
    ],
    [
      '02:15 on Lord Howe on 2026-10-04 does not exist: 02:30 (UTC+11)',
      '2026-10-04',
      '02:15',
      'Australia/Lord_Howe',
      '2026-10-03T15:30:00.000Z',
    ],
    ['Kathmandu is UTC+5:45', '2026-01-15', '09:00', 'Asia/Kathmandu', '2026-01-15T03:15:00.000Z'],
    ['UTC is UTC', '2026-06-01', '00:00', 'UTC', '2026-06-01T00:00:00.000Z'],
  ])('%s', (_what, date, time, zone, expected) => {
    expect(iso(instantOfLocal(date, time, zone))).toBe(expected);
  });

  it('round-trips every existing minute (property over zones and dates)', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Tokyo',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 2 * 365 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (zone, day, hour, minute) => {
          const date = addDays('2026-01-01', day);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const at = instantOfLocal(date, time, zone);
          // Either the wall clock shows exactly that, or (in a gap) a later time on the same date.
          expect(localDateOf(at, zone)).toBe(date);
          expect(localTimeOf(at, zone) >= time).toBe(true);
          if (localTimeOf(at, zone) !== time) expect(localTimeOf(at - 60_000, zone) < time).toBe(true);
        },
      ),
      { seed: 7, numRuns: 400 },
    );
  });
});

describe('local dates', () => {
  it('tells the local date, not the UTC one', () => {
    // 2026-03-10T02:00Z is still the 9th in Los Angeles and already the 10th in Auckland.
    const at = Date.parse('2026-03-10T02:00:00Z');
    expect(localDateOf(at, 'America/Los_Angeles')).toBe('2026-03-09');
    expect(localDateOf(at, 'Pacific/Auckland')).toBe('2026-03-10');
  });

  it('counts ISO weekdays and weeks from Monday', () => {
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(isoWeekday('2026-03-09')).toBe(1);
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
  });
});

describe('parsers', () => {
  it('reads zones in any case and suggests close names for typos', () => {
    expect(parseTimeZone('europe/london')).toBe('Europe/London');
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(() => parseTimeZone('Europe/Londn')).toThrow(/not an IANA time zone/);
    try {
      parseTimeZone('Europe/Londn');
    } catch (error) {
      expect((error as { suggestions: string[] }).suggestions).toContain('Europe/London');
      expect((error as { example: string }).example).toBe('tz=Europe/London');
    }
  });

  it.each([
    ['9:30', '09:30'],
    ['23:59', '23:59'],
    ['00:00', '00:00'],
  ])('reads %s as %s', (raw, time) => expect(parseTimeOfDay(raw)).toBe(time));

  it.each(['24:00', '9', '9:3', 'noon', '12:60'])('rejects %s', (raw) => {
    expect(() => parseTimeOfDay(raw)).toThrow(/24-hour HH:MM/);
  });
});
