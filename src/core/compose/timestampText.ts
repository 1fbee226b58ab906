// Instants written back as data: wall-clock time in the incident's zone (`2026-11-02T09:05`),
// the form people write by hand, with the zone's offset only where the wall-clock form would
// read back as another instant (the second pass of a time when clocks go back).
import { parseTimestamp } from '../time/timestamp.ts';
import { instantToLocal, offsetAt, pad2 } from '../time/zone.ts';

export function timestampText(instant: number, zone: string): string {
  const l = instantToLocal(zone, instant);
  const local = `${l.date}T${pad2(l.hour)}:${pad2(l.minute)}${l.second === 0 ? '' : `:${pad2(l.second)}`}`;
  const whole = instant - l.millisecond;
  if (parseTimestamp(local, zone) === whole) return local;
  const offset = offsetAt(zone, instant);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** The start of the minute: entries are logged to the minute. */
export function toMinute(instant: number): number {
  return instant - (((instant % 60_000) + 60_000) % 60_000);
}
