// Wall-clock time <-> instants in IANA zones. Luxon knows the zones' rules; we only cache
// its answers per local day, because a check reads hundreds of thousands of timestamps and
// a zone's offset changes on at most a couple of days a year.
import { DateTime, IANAZone } from 'luxon';

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
}

export interface LocalParts extends Required<LocalDateTime> {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const validZones = new Map<string, boolean>();

export function isValidZone(zone: string): boolean {
  let valid = validZones.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    validZones.set(zone, valid);
  }
  return valid;
}

const zones = new Map<string, IANAZone>();
function ianaZone(zone: string): IANAZone {
  let z = zones.get(zone);
  if (!z) {
    z = IANAZone.create(zone);
    zones.set(zone, z);
  }
  return z;
}

/** The zone's UTC offset in minutes at an instant. */
export function offsetAt(zone: string, instant: number): number {
  return steadyOffsetForUtcDay(zone, instant) ?? ianaZone(zone).offset(instant);
}

/** A cache per zone, keyed by a day number: no string keys on the hot path. */
function perZone<V>(): (zone: string) => Map<number, V> {
  const caches = new Map<string, Map<number, V>>();
  return (zone) => {
    let cache = caches.get(zone);
    if (!cache) {
      cache = new Map();
      caches.set(zone, cache);
    }
    return cache;
  };
}

// Offset in force for a whole local day, or null when it changes during that day.
const steadyLocalDayOffset = perZone<number | null>();

function steadyOffsetForLocalDay(zone: string, y: number, m: number, d: number): number | null {
  const cache = steadyLocalDayOffset(zone);
  const key = (y * 100 + m) * 100 + d;
  let cached = cache.get(key);
  if (cached === undefined) {
    // Every instant of a local day lies within the UTC days before, of and after its date
    // (offsets are under 24 hours): when the offset holds through all three, it holds all day.
    const noon = Date.UTC(y, m - 1, d, 12);
    const a = steadyOffsetForUtcDay(zone, noon - DAY);
    const b = steadyOffsetForUtcDay(zone, noon);
    const c = steadyOffsetForUtcDay(zone, noon + DAY);
    cached = a !== null && a === b && b === c ? a : null;
    cache.set(key, cached);
  }
  return cached;
}

/**
 * The instant of a wall-clock time in a zone. A time that occurs twice (clocks going back) is
 * the earlier instant; one that does not occur (clocks going forward) moves forward by the
 * length of the gap (data-format.md).
 */
export function wallClockToInstant(zone: string, t: LocalDateTime): number {
  const steady = steadyOffsetForLocalDay(zone, t.year, t.month, t.day);
  if (steady !== null) {
    return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second ?? 0, t.millisecond ?? 0) - steady * MINUTE;
  }
  return wallClockToInstantExact(zone, t);
}

function wallClockToInstantExact(zone: string, t: LocalDateTime): number {
  // Luxon moves a time in a gap forward by the gap's length, as the spec wants, but picks the
  // later of two instants in an overlap: prefer the earlier one when it shows the same wall time.
  const dt = DateTime.fromObject(
    { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second ?? 0, millisecond: t.millisecond ?? 0 },
    { zone: ianaZone(zone) },
  );
  const instant = dt.toMillis();
  const earlierOffset = offsetAt(zone, instant - 6 * 3_600_000);
  const shift = earlierOffset - dt.offset;
  if (shift > 0) {
    const earlier = instant - shift * MINUTE;
    const local = instantToLocal(zone, earlier);
    if (local.hour === dt.hour && local.minute === dt.minute && local.day === dt.day) return earlier;
  }
  return instant;
}

// Offset in force for a whole UTC day, or null when it changes during that day.
const steadyUtcDayOffset = perZone<number | null>();

function steadyOffsetForUtcDay(zone: string, instant: number): number | null {
  const cache = steadyUtcDayOffset(zone);
  const utcDay = Math.floor(instant / DAY);
  let offset = cache.get(utcDay);
  if (offset === undefined) {
    const z = ianaZone(zone);
    const a = z.offset(utcDay * DAY);
    const b = z.offset((utcDay + 1) * DAY - 1);
    offset = a === b ? a : null;
    cache.set(utcDay, offset);
  }
  return offset;
}

/** Local calendar fields of an instant in a zone. */
export function instantToLocal(zone: string, instant: number): LocalParts {
  const shifted = new Date(instant + offsetAt(zone, instant) * MINUTE);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  const hour = shifted.getUTCHours();
  const minute = shifted.getUTCMinutes();
  return {
    year,
    month,
    day,
    hour,
    minute,
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: ((shifted.getUTCDay() + 6) % 7) + 1,
    date: `${year}-${pad2(month)}-${pad2(day)}`,
    minuteOfDay: hour * 60 + minute,
  };
}

const abbreviations = new Map<string, string>();

/**
 * The zone's abbreviation at an instant, for people: BST and CET come from British English,
 * EST and PST from American English; elsewhere the offset (GMT+9).
 */
export function zoneAbbreviation(zone: string, instant: number): string {
  const key = `${zone}|${offsetAt(zone, instant)}`;
  let name = abbreviations.get(key);
  if (name === undefined) {
    const z = ianaZone(zone);
    const british = z.offsetName(instant, { format: 'short', locale: 'en-GB' }) ?? zone;
    const american = z.offsetName(instant, { format: 'short', locale: 'en-US' }) ?? zone;
    name = /^(GMT|UTC)[+-]/.test(british) && !/^(GMT|UTC)[+-]/.test(american) ? american : british;
    abbreviations.set(key, name);
  }
  return name;
}

/** ISO 8601 with the zone's offset at that instant: `2026-11-02T13:05:00+00:00`. */
export function formatInstantIso(zone: string, instant: number): string {
  const l = instantToLocal(zone, instant);
  const offset = offsetAt(zone, instant);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${l.date}T${pad2(l.hour)}:${pad2(l.minute)}:${pad2(l.second)}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
