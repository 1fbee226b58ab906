// Local calendar days as integers (days since 1970-01-01 of the local date), so the cadence
// engine can walk days with plain arithmetic instead of creating date objects in hot loops.
import { offsetAt, wallClockToInstant } from '../time/zone.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** The local calendar day of an instant in a zone. */
export function localDayOf(zone: string, instant: number): number {
  return Math.floor((instant + offsetAt(zone, instant) * MINUTE) / DAY);
}

function calendarDateOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD` of a day number. */
export function dateStringOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the ISO week that contains a day. */
export function mondayOf(day: number): number {
  return day - (isoWeekdayOf(day) - 1);
}

/** The instant of a wall-clock time (minutes since midnight) on a local day. */
export function instantOnDay(zone: string, day: number, minuteOfDay: number): number {
  const date = calendarDateOf(day);
  return wallClockToInstant(zone, { ...date, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 });
}
