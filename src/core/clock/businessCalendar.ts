// Business hours of each local day in one zone, from a policy's business_hours (with its
// per-weekday hours and breaks) and holidays. Day bounds are computed once per (policy, zone,
// day): the clocks and the window and weekly rules ask for the same few days again and again,
// and an incident's policy is one of the few the config resolves once.
import type { Policy } from '../config/config.ts';
import type { WeekdayHours } from '../config/policy.ts';
import { WEEKDAYS } from '../schema/values.ts';
import { dateStringOf, instantOnDay, isoWeekdayOf } from './localDays.ts';

/** Business hours of one local day as instants: [start, end) minus the day's breaks. */
export interface BusinessHoursOfDay {
  start: number;
  /** The close of business. */
  end: number;
  /** Business time as [from, to) pairs in order: periods[2i] to periods[2i + 1]. */
  periods: number[];
}

export interface BusinessCalendar {
  zone: string;
  /** False when no weekday is a business day: business clocks then never advance. */
  hasBusinessDays: boolean;
  /** The business hours of a local day number, or null when it is not a business day. */
  hoursOn(day: number): BusinessHoursOfDay | null;
}

type CalendarPolicy = Pick<Policy, 'businessHours' | 'holidays'>;

const calendars = new WeakMap<CalendarPolicy, Map<string, BusinessCalendar>>();

export function businessCalendar(config: CalendarPolicy, zone: string): BusinessCalendar {
  let byZone = calendars.get(config);
  if (!byZone) {
    byZone = new Map();
    calendars.set(config, byZone);
  }
  let calendar = byZone.get(zone);
  if (!calendar) {
    calendar = createCalendar(config, zone);
    byZone.set(zone, calendar);
  }
  return calendar;
}

function createCalendar(policy: CalendarPolicy, zone: string): BusinessCalendar {
  const { byWeekday } = policy.businessHours;
  const hoursOfWeekday = WEEKDAYS.map((d) => byWeekday[d]);
  const holidays = new Set(policy.holidays);
  const cache = new Map<number, BusinessHoursOfDay | null>();
  return {
    zone,
    hasBusinessDays: hoursOfWeekday.some(Boolean),
    hoursOn(day) {
      let hours = cache.get(day);
      if (hours === undefined) {
        const weekday = hoursOfWeekday[isoWeekdayOf(day) - 1];
        hours = weekday && !holidays.has(dateStringOf(day)) ? hoursOfDay(zone, day, weekday) : null;
        cache.set(day, hours);
      }
      return hours;
    },
  };
}

function hoursOfDay(zone: string, day: number, hours: WeekdayHours): BusinessHoursOfDay | null {
  const start = instantOnDay(zone, day, hours.start);
  const end = instantOnDay(zone, day, hours.end);
  // Both ends can land in a daylight-saving gap; a day left with no hours has none.
  if (start >= end) return null;
  const periods: number[] = [];
  let from = start;
  for (const b of hours.breaks) {
    const to = Math.min(instantOnDay(zone, day, b.from), end);
    if (to > from) periods.push(from, to);
    from = Math.max(from, instantOnDay(zone, day, b.to));
  }
  if (end > from) periods.push(from, end);
  return periods.length ? { start, end, periods } : null;
}
