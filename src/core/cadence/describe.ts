// How the cadence rules write times and durations in messages: local time in the incident's
// zone, a day only when it differs from the time the message is about, and the zone's
// abbreviation where it is needed to read the time right.
import type { ClockKind } from '../config/config.ts';
import { formatDuration } from '../present/duration.ts';
import { instantToLocal, offsetAt, pad2, zoneAbbreviation } from '../time/zone.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue 3 Nov` */
export function dayOf(zone: string, t: number): string {
  const l = instantToLocal(zone, t);
  return `${WEEKDAYS[l.weekday - 1]} ${l.day} ${MONTHS[l.month - 1]}`;
}

/** `Tue 3 Nov 09:00` */
export function dayAndTime(zone: string, t: number): string {
  return `${dayOf(zone, t)} ${timeOf(zone, t)}`;
}

/** `09:00` */
export function timeOf(zone: string, t: number): string {
  const l = instantToLocal(zone, t);
  return `${pad2(l.hour)}:${pad2(l.minute)}`;
}

/**
 * A time read against the `reference` the message already named: `13:05` on the same local
 * day, else `Mon 9 Nov 09:00` (with the year when it differs); the zone's abbreviation is
 * added when the offset differs from the reference's, i.e. across a daylight-saving change.
 */
export function near(zone: string, t: number, reference: number): string {
  const l = instantToLocal(zone, t);
  let text = `${pad2(l.hour)}:${pad2(l.minute)}`;
  if (t === reference) return text;
  const r = instantToLocal(zone, reference);
  if (l.date !== r.date) text = `${WEEKDAYS[l.weekday - 1]} ${l.day} ${MONTHS[l.month - 1]}${l.year !== r.year ? ` ${l.year}` : ''} ${text}`;
  if (offsetAt(zone, t) !== offsetAt(zone, reference)) text += ` ${zoneAbbreviation(zone, t)}`;
  return text;
}

/** `09:00 GMT`, `Tue 3 Nov 09:00 GMT`: a time with its abbreviation, dated unless on `reference`'s day. */
export function nearWithZone(zone: string, t: number, reference: number): string {
  const text = near(zone, t, reference);
  const abbreviation = zoneAbbreviation(zone, t);
  return text.endsWith(` ${abbreviation}`) ? text : `${text} ${abbreviation}`;
}

/** `3h15m of business time` or `3h15m` (always clock). */
export function clockDuration(ms: number, kind: ClockKind): string {
  return kind === 'business' ? `${formatDuration(ms)} of business time` : formatDuration(ms);
}
