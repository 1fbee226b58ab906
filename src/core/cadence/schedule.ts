// The daily update windows and the weekly deadlines of an incident. Windows and weeks exist on
// business days only, whatever the priority's clock (rules.md).
import type { BusinessCalendar } from '../clock/businessCalendar.ts';
import { instantOnDay, mondayOf } from '../clock/localDays.ts';
import type { Policy, UpdateWindow } from '../config/config.ts';
import type { Priority } from '../schema/values.ts';
import type { CadenceContext } from './context.ts';

/** One window on one business day whose priority in force at its end lists it. */
export interface WindowOccurrence {
  name: string;
  day: number;
  start: number;
  end: number;
  priority: Priority;
}

/** One ISO week's weekly deadline, for a priority with `weekly: true` at that deadline. */
export interface WeekOccurrence {
  /** Local day number of the week's Monday. */
  monday: number;
  /** The Monday's local midnight. */
  start: number;
  /** `business_hours.end` on the week's last business day. */
  end: number;
  priority: Priority;
}

const windowsByEnd = new WeakMap<Policy, UpdateWindow[]>();

function windowsInOrder(policy: Policy): UpdateWindow[] {
  let list = windowsByEnd.get(policy);
  if (!list) {
    list = Object.values(policy.windows).sort((a, b) => a.to - b.to || a.from - b.from || (a.name < b.name ? -1 : 1));
    windowsByEnd.set(policy, list);
  }
  return list;
}

// Start and end instants of every window (in windowsInOrder) on a day, per calendar and day.
const windowInstants = new WeakMap<BusinessCalendar, Map<number, number[]>>();

function windowInstantsOn(ctx: CadenceContext, day: number): number[] {
  let byDay = windowInstants.get(ctx.calendar);
  if (!byDay) {
    byDay = new Map();
    windowInstants.set(ctx.calendar, byDay);
  }
  let instants = byDay.get(day);
  if (!instants) {
    instants = windowsInOrder(ctx.judgedBy.policy).flatMap((w) => [instantOnDay(ctx.zone, day, w.from), instantOnDay(ctx.zone, day, w.to)]);
    byDay.set(day, instants);
  }
  return instants;
}

/** The windows of a local day, by end; none on a day that is not a business day. */
export function windowsOfDay(ctx: CadenceContext, day: number): WindowOccurrence[] {
  if (!ctx.calendar.hoursOn(day)) return [];
  const windows = windowsInOrder(ctx.judgedBy.policy);
  const instants = windowInstantsOn(ctx, day);
  const out: WindowOccurrence[] = [];
  for (let i = 0; i < windows.length; i++) {
    const end = instants[2 * i + 1];
    const priority = ctx.priorityAt(end);
    if (!ctx.policy(priority).windows.includes(windows[i].name)) continue;
    out.push({ name: windows[i].name, day, start: instants[2 * i], end, priority });
  }
  return out;
}

/** The weekly deadline of the ISO week that contains a day, or null when it has none. */
export function weekOf(ctx: CadenceContext, day: number): WeekOccurrence | null {
  const monday = mondayOf(day);
  for (let last = monday + 6; last >= monday; last--) {
    const hours = ctx.calendar.hoursOn(last);
    if (!hours) continue;
    const priority = ctx.priorityAt(hours.end);
    if (!ctx.policy(priority).weekly) return null;
    return { monday, start: instantOnDay(ctx.zone, monday, 0), end: hours.end, priority };
  }
  return null;
}

/**
 * Whether a window or week ending at e counts at all: the acknowledgement was due by then, the
 * incident was still unresolved at e, and e is not paused while awaiting the client
 * (policies.md). (Whether it has passed is the caller's question.)
 */
export function isOwedAt(ctx: CadenceContext, e: number): boolean {
  const { resolvedAt } = ctx.incident;
  return ctx.ackDeadline <= e && (resolvedAt === undefined || resolvedAt > e) && !ctx.isPausedAt(e);
}
