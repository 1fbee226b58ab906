// Local times for people: always in the incident's zone, with the zone's abbreviation.
import { instantToLocal, pad2, zoneAbbreviation } from './zone.ts';

/** `2026-11-02 09:05 GMT` */
export function formatLocal(instant: number, zone: string): string {
  const l = instantToLocal(zone, instant);
  return `${l.date} ${pad2(l.hour)}:${pad2(l.minute)} ${zoneAbbreviation(zone, instant)}`;
}

/** `09:05` */
export function formatLocalTime(instant: number, zone: string): string {
  const l = instantToLocal(zone, instant);
  return `${pad2(l.hour)}:${pad2(l.minute)}`;
}

/**
 * `13:05` when the instant falls on the same local day as `reference`, else `Tue 3 Nov 09:00`:
 * short enough for a message, unambiguous across days.
 */
export function formatLocalNear(instant: number, reference: number, zone: string): string {
  const l = instantToLocal(zone, instant);
  const r = instantToLocal(zone, reference);
  const time = `${pad2(l.hour)}:${pad2(l.minute)}`;
  if (l.date === r.date) return time;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][l.weekday - 1];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][l.month - 1];
  return `${weekday} ${l.day} ${month}${l.year !== r.year ? ` ${l.year}` : ''} ${time}`;
}
