import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatInstantIso, instantToLocal, wallClockToInstant, zoneAbbreviation } from './zone.ts';

const iso = (t: number) => new Date(t).toISOString();
const ZONES = ['Europe/London', 'America/New_York', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];

describe('wall-clock time in a zone (data-format.md)', () => {
  it('reads a time that occurs twice as the earlier instant', () => {
    // London, 25 Oct 2026: 01:30 happens first in BST (00:30Z), then in GMT (01:30Z).
    expect(iso(wallClockToInstant('Europe/London', { year: 2026, month: 10, day: 25, hour: 1, minute: 30 }))).toBe('2026-10-25T00:30:00.000Z');
    // New York, 1 Nov 2026: 01:30 EDT (05:30Z) before 01:30 EST (06:30Z).
    expect(iso(wallClockToInstant('America/New_York', { year: 2026, month: 11, day: 1, hour: 1, minute: 30 }))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('moves a time that does not occur forward by the length of the gap', () => {
    // London, 29 Mar 2026: 01:00–02:00 does not exist; 01:30 is read as 02:30 BST.
    expect(iso(wallClockToInstant('Europe/London', { year: 2026, month: 3, day: 29, hour: 1, minute: 30 }))).toBe('2026-03-29T01:30:00.000Z');
    // New York, 8 Mar 2026: 02:30 is read as 03:30 EDT.
    expect(iso(wallClockToInstant('America/New_York', { year: 2026, month: 3, day: 8, hour: 2, minute: 30 }))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('agrees with Luxon on every instant, in every zone, across the changes (cached path vs library)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.parse('2023-01-01T00:00Z'), max: Date.parse('2027-12-31T00:00Z') }), (zone, t) => {
        const instant = t - (t % 60_000);
        const ours = instantToLocal(zone, instant);
        const theirs = DateTime.fromMillis(instant, { zone });
        expect([ours.year, ours.month, ours.day, ours.hour, ours.minute, ours.weekday]).toEqual([theirs.year, theirs.month, theirs.day, theirs.hour, theirs.minute, theirs.weekday]);
        // Back again: the instant of that wall-clock time is this one, or the earlier twin.
        const back = wallClockToInstant(zone, ours);
        expect(back === instant || (back < instant && instantToLocal(zone, back).minuteOfDay === ours.minuteOfDay)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('formats instants with the offset and abbreviation in force', () => {
    const summer = Date.parse('2026-07-15T12:00Z');
    const winter = Date.parse('2026-01-15T12:00Z');
    expect(formatInstantIso('Europe/London', summer)).toBe('2026-07-15T13:00:00+01:00');
    expect(formatInstantIso('America/New_York', winter)).toBe('2026-01-15T07:00:00-05:00');
    expect(formatInstantIso('Asia/Kolkata', winter)).toBe('2026-01-15T17:30:00+05:30');
    expect([zoneAbbreviation('Europe/London', summer), zoneAbbreviation('Europe/London', winter)]).toEqual(['BST', 'GMT']);
    expect([zoneAbbreviation('America/Los_Angeles', summer), zoneAbbreviation('Europe/Berlin', winter)]).toEqual(['PDT', 'CET']);
  });
});
