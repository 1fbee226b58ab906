// A policy (policies.md): the policy keys of the config after its layers are merged, in the
// forms the rules read. Layers merge by the config's one merge rule; the schema fills what no
// layer sets; `policyProblems` is every check that needs more than one key.
import type { z } from 'zod';
import { PRIORITIES, WEEKDAYS, type Priority, type Weekday } from '../schema/values.ts';
import type { ClockKind, policyLayer } from './schema.ts';

export type WrittenPolicy = z.output<typeof policyLayer>;

/** A span of the day in minutes since local midnight: [from, to). */
export interface DaySpan {
  from: number;
  to: number;
}

/** The business hours of one weekday: [start, end) minus its breaks. */
export interface WeekdayHours {
  start: number;
  end: number;
  breaks: DaySpan[];
}

export interface UpdateWindow extends DaySpan {
  name: string;
}

export interface PriorityPolicy {
  /** Milliseconds of clock time, or null when gaps are not checked. */
  maxGap: number | null;
  windows: string[];
  weekly: boolean;
  clock: ClockKind;
  /** Milliseconds of clock time. */
  acknowledgeWithin: number;
  /** The max-gap clock, windows and weeks pause while awaiting the client. */
  pausable: boolean;
}

export type Policy = ReturnType<typeof toPolicy>;

/**
 * The config's merge rule: a mapping merges key by key, recursively; anything else (a list, a
 * scalar, null) replaces what it refines.
 */
export function mergeLayer(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isMapping(base) || !isMapping(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = mergeLayer(base[key], value);
  return out;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The policy keys of a parsed, complete layer, in the forms the rules read. */
export function toPolicy(p: WrittenPolicy) {
  const windows: Record<string, UpdateWindow> = {};
  for (const [name, w] of Object.entries(p.windows)) windows[name] = { name, from: w.from, to: w.to };
  const priorities = {} as Record<Priority, PriorityPolicy>;
  for (const priority of PRIORITIES) {
    const entry = p.priorities[priority];
    priorities[priority] = {
      maxGap: entry.max_gap,
      windows: entry.windows,
      weekly: entry.weekly,
      clock: entry.clock ?? p.clock,
      acknowledgeWithin: entry.acknowledge_within ?? p.acknowledge_within,
      pausable: entry.pausable,
    };
  }
  const hours = p.business_hours;
  const byWeekday: Partial<Record<Weekday, WeekdayHours>> = {};
  for (const day of hours.days) {
    const w = weekdayHours(p, day);
    byWeekday[day] = { ...w, breaks: [...w.breaks].sort((a, b) => a.from - b.from) };
  }
  return {
    timezone: p.timezone,
    businessHours: { days: hours.days, start: hours.start, end: hours.end, breaks: hours.breaks, byDay: hours.by_day, byWeekday },
    holidays: p.holidays,
    /** The top-level clock and acknowledge_within; each priority's own are in `priorities`. */
    clock: p.clock,
    acknowledgeWithin: p.acknowledge_within,
    windows,
    priorities,
    pmCcChannels: p.pm_cc_channels,
  };
}

function weekdayHours(p: WrittenPolicy, day: Weekday): WeekdayHours {
  const hours = p.business_hours;
  const own = hours.by_day[day];
  return { start: own?.start ?? hours.start, end: own?.end ?? hours.end, breaks: own?.breaks ?? hours.breaks };
}

export interface PolicyProblem {
  path: (string | number)[];
  message: string;
}

/** Every problem of a complete policy that one key alone cannot show. */
export function policyProblems(p: WrittenPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const hours = p.business_hours;
  if (hours.start >= hours.end) {
    problems.push({ path: ['business_hours'], message: `start (${timeOfDayText(hours.start)}) must be before end (${timeOfDayText(hours.end)})` });
  }
  for (const day of WEEKDAYS) {
    if (hours.by_day[day] && !hours.days.includes(day)) {
      problems.push({ path: ['business_hours', 'by_day', day], message: `${day} is not one of the business days (${hours.days.join(', ') || 'none'}): add it to days or remove it` });
    }
  }
  // The general hours and breaks are checked once; a weekday only for what by_day changes.
  const general = { start: hours.start, end: hours.end, breaks: hours.breaks };
  if (hours.start < hours.end) problems.push(...breakProblems(general, ['business_hours', 'breaks'], ''));
  for (const day of hours.days) {
    const own = hours.by_day[day];
    if (!own) continue;
    const w = weekdayHours(p, day);
    const path = ['business_hours', 'by_day', day];
    if (w.start >= w.end) {
      problems.push({ path, message: `start (${timeOfDayText(w.start)}) must be before end (${timeOfDayText(w.end)})` });
      continue;
    }
    const sameAsGeneral = w.start === general.start && w.end === general.end && w.breaks === general.breaks;
    if (!sameAsGeneral) problems.push(...breakProblems(w, own.breaks ? [...path, 'breaks'] : path, day));
  }
  for (const [name, w] of Object.entries(p.windows)) {
    if (w.from >= w.to) problems.push({ path: ['windows', name], message: `"from" (${timeOfDayText(w.from)}) must be before "to" (${timeOfDayText(w.to)})` });
  }
  for (const priority of PRIORITIES) {
    p.priorities[priority].windows.forEach((name, i) => {
      if (!p.windows[name]) {
        problems.push({ path: ['priorities', priority, 'windows', i], message: `no window named "${name}" (known: ${Object.keys(p.windows).join(', ')})` });
      }
    });
  }
  return problems;
}

/** A weekday's breaks lie within its [start, end) and do not overlap. */
function breakProblems(w: WeekdayHours, path: (string | number)[], day: string): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const on = day ? `on ${day} ` : '';
  const hoursText = `${timeOfDayText(w.start)}-${timeOfDayText(w.end)}`;
  w.breaks.forEach((b, i) => {
    const label = `${timeOfDayText(b.from)}-${timeOfDayText(b.to)}`;
    if (b.from >= b.to) problems.push({ path, message: `${on}the break ${label} must start before it ends` });
    else if (b.from < w.start || b.to > w.end) {
      const fix = day ? ` (set by_day: { ${day}: { breaks: [...] } } for that day)` : '';
      problems.push({ path, message: `${on}the break ${label} lies outside the business hours ${hoursText}${fix}` });
    }
    for (const other of w.breaks.slice(i + 1)) {
      if (b.from < other.to && other.from < b.to) problems.push({ path, message: `${on}the breaks ${label} and ${timeOfDayText(other.from)}-${timeOfDayText(other.to)} overlap` });
    }
  });
  return problems;
}

/** `16:30` of minutes since midnight, as the config writes a time of day. */
export function timeOfDayText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
