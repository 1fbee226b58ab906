// Business hours of each local day in one zone, from the config's business_hours and holidays.
// Day bounds are computed once per (config, zone, day): the clocks and the window and weekly
// rules ask for the same few days again and again.
import type { Config } from '../config/config.ts';
import { WEEKDAYS } from '../schema/values.ts';
import { dateStringOf, instantOnDay, isoWeekdayOf } from './localDays.ts';

/** Business hours of one local day as instants: business time is [start, end). */
export interface BusinessHoursOfDay {
  start: number;
  end: number;
}

export interface BusinessCalendar {
  zone: string;
  /** False when no weekday is a business day: business clocks then never advance. */
  hasBusinessDays: boolean;
  /** The business hours of a local day number, or null when it is not a business day. */
  hoursOn(day: number): BusinessHoursOfDay | null;
}

const calendars = new WeakMap<Config, Map<string, BusinessCalendar>>();

export function businessCalendar(config: Config, zone: string): BusinessCalendar {
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

function createCalendar(config: Config, zone: string): BusinessCalendar {
  const { days, start, end } = config.businessHours;
  const businessWeekdays = new Set(days.map((d) => WEEKDAYS.indexOf(d) + 1));
  const holidays = new Set(config.holidays);
  const cache = new Map<number, BusinessHoursOfDay | null>();
  return {
    zone,
    hasBusinessDays: businessWeekdays.size > 0,
    hoursOn(day) {
      let hours = cache.get(day);
      if (hours === undefined) {
        hours = null;
        if (businessWeekdays.has(isoWeekdayOf(day)) && !holidays.has(dateStringOf(day))) {
          const from = instantOnDay(zone, day, start);
          const to = instantOnDay(zone, day, end);
          // Both ends can land in a daylight-saving gap; a day left with no hours has none.
          if (from < to) hours = { start: from, end: to };
        }
        cache.set(day, hours);
      }
      return hours;
    },
  };
}
