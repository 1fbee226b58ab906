// Local times for people: always in the incident's zone, with the zone's abbreviation.
import { instantToLocal, pad2, zoneAbbreviation } from './zone.ts';

/** `2026-11-02 09:05 GMT` */
export function formatLocal(instant: number, zone: string): string {
  const l = instantToLocal(zone, instant);
  return `${l.date} ${pad2(l.hour)}:${pad2(l.minute)} ${zoneAbbreviation(zone, instant)}`;
}
