// Instants for people: always in the incident's zone, with the zone's abbreviation.
import { instantToLocal, pad2, zoneAbbreviation } from '../time/zone.ts';

/** `2026-11-02 09:05 GMT` */
export function formatLocal(instant: number, zone: string): string {
  const l = instantToLocal(zone, instant);
  return `${l.date} ${pad2(l.hour)}:${pad2(l.minute)} ${zoneAbbreviation(zone, instant)}`;
}

/** `2026-11-02 09:05:30 GMT`: with seconds, for when they decide. */
export function formatLocalSeconds(instant: number, zone: string): string {
  const l = instantToLocal(zone, instant);
  return `${l.date} ${pad2(l.hour)}:${pad2(l.minute)}:${pad2(l.second)} ${zoneAbbreviation(zone, instant)}`;
}

/**
 * Two instants a message compares ("resolved_at (…) is before opened_at (…)"): to the minute,
 * unless they fall in the same minute, when the seconds are what differs and both show them.
 */
export function formatLocalPair(a: number, b: number, zone: string): [string, string] {
  const format = formatLocal(a, zone) === formatLocal(b, zone) ? formatLocalSeconds : formatLocal;
  return [format(a, zone), format(b, zone)];
}
