// How the site writes numbers and times for people.
import { formatLocal } from '../core/present/instant.ts';
import { instantToLocal, zoneAbbreviation } from '../core/time/zone.ts';

export { formatElapsed, formatPercent } from './elapsed.ts';
export { plural } from '../core/present/plural.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11-02 09:05 GMT` in the incident's zone. */
export function localTime(instant: number, zone: string): string {
  return formatLocal(instant, zone);
}

/** `2026-11-02`: the local date in the zone. */
export function localDate(instant: number, zone: string): string {
  return instantToLocal(zone, instant).date;
}

/** `09:05 GMT` */
export function clockTime(instant: number, zone: string): string {
  const l = instantToLocal(zone, instant);
  return `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')} ${zoneAbbreviation(zone, instant)}`;
}

/** `Nov 2026` for `2026-11`. */
export function monthLabel(month: string): string {
  return `${MONTHS[+month.slice(5, 7) - 1]} ${month.slice(0, 4)}`;
}

/** ISO 8601 UTC, for `<time datetime>` and feeds. */
export function isoUtc(instant: number): string {
  return new Date(instant).toISOString();
}

/** A URL path segment for a free-text name (clients). */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'client';
}
