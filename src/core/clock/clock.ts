// The two clocks of rules.md. Clock time between a ≤ b is the business time in [a, b)
// (business) or b − a (always); `add(a, d)` is the LATEST t ≥ a whose clock time from a is d,
// so "late" always means "more than d of clock time": a deadline that falls at the close of
// business moves to the next business start (Fri 14:30 + 3h = Mon 09:00), and one that falls
// at the start of a break to its end.
import type { ClockKind } from '../config/config.ts';
import type { BusinessCalendar } from './businessCalendar.ts';
import { localDayOf } from './localDays.ts';

export interface Clock {
  kind: ClockKind;
  /** Clock time (ms) in [a, b); 0 when b ≤ a. */
  between(a: number, b: number): number;
  /** The latest t ≥ a with between(a, t) = d; Infinity when the clock never reaches d. */
  add(a: number, d: number): number;
}

export const alwaysClock: Clock = {
  kind: 'always',
  between: (a, b) => (b > a ? b - a : 0),
  add: (a, d) => a + d,
};

/** A calendar whose business days never run out is searched at most this far ahead. */
const MAX_DAYS_AHEAD = 100 * 366;

function businessClock(calendar: BusinessCalendar): Clock {
  const { zone } = calendar;
  return {
    kind: 'business',
    between(a, b) {
      if (b <= a) return 0;
      let total = 0;
      const last = localDayOf(zone, b);
      for (let day = localDayOf(zone, a); day <= last; day++) {
        const periods = calendar.hoursOn(day)?.periods;
        if (!periods) continue;
        for (let i = 0; i < periods.length; i += 2) {
          const from = periods[i] > a ? periods[i] : a;
          const to = periods[i + 1] < b ? periods[i + 1] : b;
          if (to > from) total += to - from;
        }
      }
      return total;
    },
    add(a, d) {
      if (!calendar.hasBusinessDays) return Infinity;
      let remaining = d;
      const first = localDayOf(zone, a);
      for (let day = first; day <= first + MAX_DAYS_AHEAD; day++) {
        const periods = calendar.hoursOn(day)?.periods;
        if (!periods) continue;
        for (let i = 0; i < periods.length; i += 2) {
          const from = periods[i] > a ? periods[i] : a;
          if (from >= periods[i + 1]) continue;
          const available = periods[i + 1] - from;
          // Strictly less: when d runs out exactly at the close or at a break, the latest
          // instant with clock time d is the next business start, found with nothing remaining.
          if (remaining < available) return from + remaining;
          remaining -= available;
        }
      }
      return Infinity;
    },
  };
}

const businessClocks = new WeakMap<BusinessCalendar, Clock>();

/** The clock of a kind over a calendar (one business clock per calendar). */
export function clockOfKind(kind: ClockKind, calendar: BusinessCalendar): Clock {
  if (kind === 'always') return alwaysClock;
  let clock = businessClocks.get(calendar);
  if (!clock) {
    clock = businessClock(calendar);
    businessClocks.set(calendar, clock);
  }
  return clock;
}

/**
 * A clock that stops during the given intervals ([from, to) pairs in order): policies.md's
 * max-gap clock while awaiting the client. `add` keeps the definition of the clock it pauses:
 * the latest instant whose paused clock time is d.
 */
export function pausedClock(clock: Clock, paused: readonly number[]): Clock {
  return {
    kind: clock.kind,
    between(a, b) {
      let total = clock.between(a, b);
      for (let i = 0; i < paused.length && paused[i] < b; i += 2) {
        total -= clock.between(Math.max(a, paused[i]), Math.min(b, paused[i + 1]));
      }
      return total;
    },
    add(a, d) {
      let cursor = a;
      let remaining = d;
      for (let i = 0; i < paused.length; i += 2) {
        const from = paused[i];
        const to = paused[i + 1];
        if (to <= cursor) continue;
        if (from > cursor) {
          const due = clock.add(cursor, remaining);
          if (due < from) return due;
          remaining -= clock.between(cursor, from);
        }
        if (to === Infinity) return Infinity;
        cursor = to;
      }
      return clock.add(cursor, remaining);
    },
  };
}
