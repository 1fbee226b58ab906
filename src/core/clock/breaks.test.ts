import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig as parseConfigFile, policyOf } from '../config/config.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import { businessCalendar } from './businessCalendar.ts';
import { clockOfKind } from './clock.ts';

/** The policy of a config for an incident of a client without an entry. */
const parseConfig = (text: string | undefined) => policyOf(parseConfigFile(text), { client: 'any', openedAt: 0 }).policy;

const HOUR = 3_600_000;
const MINUTE = 60_000;
const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

const t = (zone: string, text: string) => parseTimestamp(text, zone);

/** policies.md's example: a lunch break, and a short Friday. */
const LUNCH_AND_SHORT_FRIDAY = parseConfig(`
business_hours:
  start: "09:00"
  end: "17:30"
  breaks: [{ from: "12:30", to: "13:30" }]
  by_day:
    fri: { end: "16:00" }
`);
const clockIn = (zone: string, config = LUNCH_AND_SHORT_FRIDAY) => clockOfKind('business', businessCalendar(config, zone));

describe('business clock with breaks and per-day hours (policies.md)', () => {
  const clock = clockIn(LONDON);

  it('moves a deadline that falls at the start of a break to its end', () => {
    // Mon 2 Nov 2026: 11:30 + 1h reaches 12:30, the start of lunch: the latest such instant is 13:30.
    expect(clock.add(t(LONDON, '2026-11-02 11:30'), HOUR)).toBe(t(LONDON, '2026-11-02 13:30'));
    expect(clock.add(t(LONDON, '2026-11-02 11:30'), HOUR + MINUTE)).toBe(t(LONDON, '2026-11-02 13:31'));
  });

  it('does not count the break as business time', () => {
    expect(clock.between(t(LONDON, '2026-11-02 12:00'), t(LONDON, '2026-11-02 14:00'))).toBe(HOUR);
    expect(clock.between(t(LONDON, '2026-11-02 12:45'), t(LONDON, '2026-11-02 13:15'))).toBe(0);
    // Starting inside the break counts from its end.
    expect(clock.add(t(LONDON, '2026-11-02 12:45'), 30 * MINUTE)).toBe(t(LONDON, '2026-11-02 14:00'));
  });

  it('closes early on a short Friday: Fri 14:30 + 3h is Mon 11:00', () => {
    // Friday 6 Nov: 14:30-16:00 is 1h30m; Monday 09:00 + 1h30m is 10:30.
    expect(clock.add(t(LONDON, '2026-11-06 14:30'), 3 * HOUR)).toBe(t(LONDON, '2026-11-09 10:30'));
    expect(clock.add(t(LONDON, '2026-11-06 14:30'), 90 * MINUTE)).toBe(t(LONDON, '2026-11-09 09:00'));
    expect(clock.between(t(LONDON, '2026-11-06 15:00'), t(LONDON, '2026-11-06 17:30'))).toBe(HOUR);
  });

  it('gives a day its close of business: the weekday end, Friday its own', () => {
    const calendar = businessCalendar(LUNCH_AND_SHORT_FRIDAY, LONDON);
    const day = (text: string) => Math.floor(Date.parse(`${text}T00:00Z`) / 86_400_000);
    expect(calendar.hoursOn(day('2026-11-06'))?.end).toBe(t(LONDON, '2026-11-06 16:00'));
    expect(calendar.hoursOn(day('2026-11-05'))?.end).toBe(t(LONDON, '2026-11-05 17:30'));
    expect(calendar.hoursOn(day('2026-11-05'))?.periods).toEqual([
      t(LONDON, '2026-11-05 09:00'),
      t(LONDON, '2026-11-05 12:30'),
      t(LONDON, '2026-11-05 13:30'),
      t(LONDON, '2026-11-05 17:30'),
    ]);
  });
});

describe('breaks and per-day hours across daylight-saving changes, in two zones', () => {
  const config = parseConfig(`
business_hours:
  days: [mon, tue, wed, thu, fri, sun]
  start: "00:30"
  end: "17:00"
  breaks: [{ from: "01:30", to: "02:30" }]
  by_day:
    fri: { start: "09:00", end: "15:00", breaks: [{ from: "12:00", to: "12:30" }] }
`);

  it('London, clocks back on Sun 25 Oct: the break 01:30-02:30 is an hour of BST plus the repeated hour', () => {
    const clock = clockIn(LONDON, config);
    // Local 01:30 (first occurrence, BST) to 02:30 GMT is two elapsed hours of break.
    // Day: 00:30 BST (23:30Z) to 17:00 GMT (17:00Z) is 17h30m, less the 2h break.
    expect(clock.between(t(LONDON, '2026-10-24T20:00Z'), t(LONDON, '2026-10-25T20:00Z'))).toBe(15.5 * HOUR);
    // 01:00 BST + 30m reaches the break's start: the deadline moves to its end, 02:30 GMT.
    expect(clock.add(t(LONDON, '2026-10-25T00:00Z'), 30 * MINUTE)).toBe(t(LONDON, '2026-10-25T02:30Z'));
  });

  it('New York, clocks forward on Sun 8 Mar: the break starts in the gap and runs from 03:00', () => {
    const clock = clockIn(NEW_YORK, config);
    // 02:00 EST jumps to 03:00 EDT: 01:30 EST (06:30Z) starts the break, 02:30 (in the gap) is read as 03:30 EDT (07:30Z).
    expect(clock.add(t(NEW_YORK, '2026-03-08 01:00'), 30 * MINUTE)).toBe(t(NEW_YORK, '2026-03-08T07:30Z'));
    expect(clock.between(t(NEW_YORK, '2026-03-08 00:00'), t(NEW_YORK, '2026-03-08 04:00'))).toBe(HOUR + 30 * MINUTE);
  });

  it('New York short Friday across the autumn change: Fri 30 Oct 14:00 EDT + 2h is Sun 1 Nov 01:30 EDT', () => {
    const clock = clockIn(NEW_YORK, config);
    // Friday: 14:00-15:00 (1h). Sunday 1 Nov (clocks back at 02:00 EDT): 00:30 EDT + 1h = 01:30 EDT, the break's start: moved to its end.
    const due = clock.add(t(NEW_YORK, '2026-10-30 14:00'), 2 * HOUR);
    expect(due).toBe(t(NEW_YORK, '2026-11-01T02:30-05:00'));
  });

  it('round-trips a + d on clocks with breaks and per-day hours', () => {
    const zones = [LONDON, NEW_YORK, 'Australia/Lord_Howe', 'Asia/Kolkata'];
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) });
    const duration = fc.integer({ min: 0, max: 10 * 24 * HOUR });
    const configs = [config, LUNCH_AND_SHORT_FRIDAY];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.constantFrom(...configs), instant, duration, (zone, c, a, d) => {
        const clock = clockIn(zone, c);
        const due = clock.add(a, d);
        expect(due).toBeGreaterThanOrEqual(a);
        expect(clock.between(a, due)).toBe(d);
        expect(clock.between(a, due + 1)).toBe(d + 1);
      }),
      { numRuns: 1000 },
    );
  });
});
