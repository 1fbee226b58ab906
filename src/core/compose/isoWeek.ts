// ISO 8601 weeks (`2026-W45`, Monday to Sunday) in a zone, for the weekly status update.
import { DateTime } from 'luxon';

export interface IsoWeek {
  /** `2026-W45` */
  label: string;
  /** Epoch ms of Monday 00:00 local. */
  start: number;
  /** Epoch ms of the next Monday 00:00 local (exclusive). */
  end: number;
}

const LABEL = /^(\d{4})-W(\d{2})$/;

/** The week a label names, or null when it is not one (`2026-W54`, `2026-45`). */
export function parseIsoWeek(label: string, zone: string): IsoWeek | null {
  const m = LABEL.exec(label);
  if (!m) return null;
  const monday = DateTime.fromObject({ weekYear: +m[1], weekNumber: +m[2], weekday: 1 }, { zone });
  if (!monday.isValid || monday.weekNumber !== +m[2] || monday.weekYear !== +m[1]) return null;
  return weekFrom(monday);
}

export function isoWeekOf(instant: number, zone: string): IsoWeek {
  return weekFrom(DateTime.fromMillis(instant, { zone }).startOf('week'));
}

function weekFrom(monday: DateTime): IsoWeek {
  const start = monday.startOf('day');
  return { label: `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`, start: start.toMillis(), end: start.plus({ weeks: 1 }).toMillis() };
}
