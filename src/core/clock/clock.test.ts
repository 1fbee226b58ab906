import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig as parseConfigFile, policyOf } from '../config/config.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import { businessCalendar } from './businessCalendar.ts';
import { alwaysClock, clockOfKind } from './clock.ts';

/** The policy of a config for an incident of a client without an entry. */
const parseConfig = (text: string | undefined) => policyOf(parseConfigFile(text), { client: 'any', openedAt: 0 }).policy;

const HOUR = 3_600_000;
const MINUTE = 60_000;
const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
const defaults = parseConfig(undefined);

/** Wall-clock time in a zone, or an explicit offset, as the data writes it. */
const t = (zone: string, text: string) => parseTimestamp(text, zone);
const business = (zone: string, config = defaults) => clockOfKind('business', businessCalendar(config, zone));

describe('business clock: a + d is the latest instant with clock time d (rules.md)', () => {
  const clock = business(LONDON);

  it('moves a deadline that falls at the close of business to the next business start', () => {
    expect(clock.add(t(LONDON, '2026-11-06 14:30'), 3 * HOUR)).toBe(t(LONDON, '2026-11-09 09:00'));
  });

  it('counts a start outside business hours from the next business start', () => {
    expect(clock.add(t(LONDON, '2026-11-03 08:30'), 30 * MINUTE)).toBe(t(LONDON, '2026-11-03 09:30'));
    expect(clock.add(t(LONDON, '2026-11-07 11:00'), 30 * MINUTE)).toBe(t(LONDON, '2026-11-09 09:30'));
  });

  it('carries the rest of a duration over the weekend (worked example 2)', () => {
    expect(clock.add(t(LONDON, '2026-11-06 17:20'), 30 * MINUTE)).toBe(t(LONDON, '2026-11-09 09:20'));
    expect(clock.add(t(LONDON, '2026-11-06 17:00'), 30 * MINUTE)).toBe(t(LONDON, '2026-11-09 09:00'));
  });

  it('adds nothing to an instant in business hours, and moves one outside them to the next start', () => {
    const inHours = t(LONDON, '2026-11-02 10:00');
    expect(clock.add(inHours, 0)).toBe(inHours);
    expect(clock.add(t(LONDON, '2026-11-02 17:30'), 0)).toBe(t(LONDON, '2026-11-03 09:00'));
  });

  it('measures only business time between two instants', () => {
    expect(clock.between(t(LONDON, '2026-11-02 10:05'), t(LONDON, '2026-11-02 13:20'))).toBe(3 * HOUR + 15 * MINUTE);
    expect(clock.between(t(LONDON, '2026-11-06 17:00'), t(LONDON, '2026-11-09 09:30'))).toBe(60 * MINUTE);
    expect(clock.between(t(LONDON, '2026-11-07 09:00'), t(LONDON, '2026-11-08 17:00'))).toBe(0);
    expect(clock.between(t(LONDON, '2026-11-09 10:00'), t(LONDON, '2026-11-09 09:00'))).toBe(0);
  });

  it('skips holidays in the zone', () => {
    const config = parseConfig('holidays: ["2026-12-25"]\n');
    const withHoliday = business(LONDON, config);
    expect(withHoliday.add(t(LONDON, '2026-12-24 16:00'), 3 * HOUR)).toBe(t(LONDON, '2026-12-28 10:30'));
    expect(withHoliday.between(t(LONDON, '2026-12-24 17:00'), t(LONDON, '2026-12-28 09:30'))).toBe(60 * MINUTE);
  });

  it('reads business days and holidays in the incident zone, not in UTC', () => {
    // Mon 9 Nov 00:30 in Auckland is Sun 8 Nov 11:30 UTC: a business day there.
    const config = parseConfig('business_hours: { start: "00:00", end: "01:00" }\n');
    const auckland = business('Pacific/Auckland', config);
    expect(auckland.between(t('UTC', '2026-11-08 11:00'), t('UTC', '2026-11-08 12:00'))).toBe(HOUR);
  });

  it('never reaches a deadline when no weekday is a business day', () => {
    const config = parseConfig('business_hours: { days: [] }\n');
    const never = business(LONDON, config);
    expect(never.add(t(LONDON, '2026-11-02 10:00'), HOUR)).toBe(Infinity);
    expect(never.between(t(LONDON, '2026-11-02 10:00'), t(LONDON, '2026-11-03 10:00'))).toBe(0);
  });
});

describe('business clock across daylight-saving changes', () => {
  it('London: Fri 14:30 BST + 3h is Mon 09:00 GMT after the clocks go back', () => {
    const clock = business(LONDON);
    const due = clock.add(t(LONDON, '2026-10-23 14:30'), 3 * HOUR);
    expect(due).toBe(t(LONDON, '2026-10-26T09:00Z'));
    expect(clock.between(t(LONDON, '2026-10-23 14:30'), t(LONDON, '2026-10-26 10:00'))).toBe(4 * HOUR);
  });

  it('New York: Fri 16:00 EDT + 3h is Mon 10:30 EST', () => {
    const clock = business(NEW_YORK);
    expect(clock.add(t(NEW_YORK, '2026-10-30 16:00'), 3 * HOUR)).toBe(t(NEW_YORK, '2026-11-02T10:30-05:00'));
  });

  it('New York: Fri 16:00 EST + 3h is Mon 10:30 EDT after the clocks go forward', () => {
    const clock = business(NEW_YORK);
    expect(clock.add(t(NEW_YORK, '2026-03-06 16:00'), 3 * HOUR)).toBe(t(NEW_YORK, '2026-03-09T10:30-04:00'));
  });

  it('counts business hours on the day the clocks change in elapsed time', () => {
    const config = parseConfig('business_hours: { days: [sun], start: "00:30", end: "03:00" }\n');
    const clock = business(LONDON, config);
    // Clocks go back at 02:00 BST: 00:30 BST to 03:00 GMT is 3h30m.
    expect(clock.between(t(LONDON, '2026-10-24T20:00Z'), t(LONDON, '2026-10-25T20:00Z'))).toBe(3.5 * HOUR);
    // Clocks go forward at 01:00 GMT: 00:30 GMT to 03:00 BST is 1h30m.
    expect(clock.between(t(LONDON, '2026-03-29T00:00Z'), t(LONDON, '2026-03-30T00:00Z'))).toBe(1.5 * HOUR);
  });

  it('always clock: a Saturday-to-Sunday noon across the change is 25 hours in London', () => {
    expect(alwaysClock.between(t(LONDON, '2026-10-24 12:00'), t(LONDON, '2026-10-25 12:00'))).toBe(25 * HOUR);
    expect(alwaysClock.add(t(LONDON, '2026-10-24 12:00'), 25 * HOUR)).toBe(t(LONDON, '2026-10-25 12:00'));
  });
});

describe('clock properties', () => {
  const zones = [LONDON, NEW_YORK, 'Australia/Lord_Howe', 'Asia/Kolkata'];
  const configs = [defaults, parseConfig('holidays: ["2026-12-25", "2026-12-28", "2027-01-01"]\nbusiness_hours: { days: [mon, tue, wed, thu, fri, sun], start: "08:15", end: "18:00" }\n')];
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) });
  const duration = fc.integer({ min: 0, max: 10 * 24 * HOUR });
  const setting = fc.record({ zone: fc.constantFrom(...zones), config: fc.constantFrom(...configs), kind: fc.constantFrom('business' as const, 'always' as const) });

  it('round-trips: clock(a, a + d) = d, and a + d is the latest such instant', () => {
    fc.assert(
      fc.property(setting, instant, duration, ({ zone, config, kind }, a, d) => {
        const clock = clockOfKind(kind, businessCalendar(config, zone));
        const due = clock.add(a, d);
        expect(due).toBeGreaterThanOrEqual(a);
        expect(clock.between(a, due)).toBe(d);
        expect(clock.between(a, due + 1)).toBe(d + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('is additive: clock(a, c) = clock(a, b) + clock(b, c)', () => {
    fc.assert(
      fc.property(setting, fc.array(instant, { minLength: 3, maxLength: 3 }), ({ zone, config, kind }, points) => {
        const [a, b, c] = points.sort((x, y) => x - y);
        const clock = clockOfKind(kind, businessCalendar(config, zone));
        expect(clock.between(a, c)).toBe(clock.between(a, b) + clock.between(b, c));
      }),
      { numRuns: 500 },
    );
  });
});
