// The value types of data-format.md that carry time: timestamps, dates, durations, times of day.
import { wallClockToInstant } from './zone.ts';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const TIMESTAMP_FORMS = '2026-11-02T09:05, 2026-11-02 09:05:30, 2026-11-02T09:05:00+01:00 or 2026-11-02T09:05Z';

/** Why a text is not a timestamp, or null when it is one. */
export function timestampProblem(text: string): string | null {
  if (DATE.test(text)) return 'a date alone is not a timestamp: add the time of day';
  const m = TIMESTAMP.exec(text);
  if (!m) return `expected a timestamp such as ${TIMESTAMP_FORMS}`;
  const [, y, mo, d, h, mi, s, , offset] = m;
  if (!isCalendarDate(+y, +mo, +d)) return `${y}-${mo}-${d} is not a calendar date`;
  if (+h > 23 || +mi > 59 || (s !== undefined && +s > 59)) return `${h}:${mi} is not a time of day`;
  if (offset && offset !== 'Z' && (+offset.slice(1, 3) > 23 || +offset.slice(4) > 59)) return `${offset} is not a UTC offset`;
  return null;
}

/**
 * The instant (epoch ms) of a valid timestamp; without an offset it is wall-clock time in
 * `zone`. Callers validate with `timestampProblem` first.
 */
export function parseTimestamp(text: string, zone: string): number {
  const m = TIMESTAMP.exec(text);
  if (!m) throw new Error(`not a timestamp: ${text}`);
  const [, y, mo, d, h, mi, s, ms, offset] = m;
  const fields = { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: s ? +s : 0, millisecond: ms ? +ms.padEnd(3, '0') : 0 };
  if (offset === undefined) return wallClockToInstant(zone, fields);
  const local = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, fields.millisecond);
  if (offset === 'Z') return local;
  const sign = offset[0] === '-' ? -1 : 1;
  return local - sign * (+offset.slice(1, 3) * 60 + +offset.slice(4)) * 60_000;
}

export function dateProblem(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return 'expected a date YYYY-MM-DD';
  return isCalendarDate(+m[1], +m[2], +m[3]) ? null : `${text} is not a calendar date`;
}

/** Milliseconds of a duration such as `30m`, `3h`, `1h30m`, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return ((m[1] ? +m[1] : 0) * 60 + (m[2] ? +m[2] : 0)) * 60_000;
}

/** Minutes since midnight of a time of day such as `16:30`, or null. */
export function parseTimeOfDay(text: string): number | null {
  const m = TIME_OF_DAY.exec(text);
  return m ? +m[1] * 60 + +m[2] : null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  return d <= DAYS_IN_MONTH[m - 1] + (leap ? 1 : 0);
}
