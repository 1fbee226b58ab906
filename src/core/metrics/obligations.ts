// The compliance figure: the share of obligations that came due and were met. The checker's
// findings say which were missed; this counts how many were due, following rules.md's
// definitions of when each obligation is due, so that met = due - missed.
import type { Config } from '../config/config.ts';
import type { Finding, RuleId } from '../findings.ts';
import type { Incident, LogEntry } from '../model.ts';
import { cadenceContext } from '../cadence/context.ts';
import type { Priority, Weekday } from '../schema/values.ts';
import { instantToLocal, wallClockToInstant } from '../time/zone.ts';

/** The time-bound obligations counted in the compliance figure. */
export const OBLIGATION_RULES = ['ack', 'max-gap', 'window', 'weekly', 'next-update-late', 'commitment-overdue'] as const satisfies readonly RuleId[];
export type ObligationRule = (typeof OBLIGATION_RULES)[number];

export interface Tally {
  due: number;
  missed: number;
}

export type ObligationTally = Record<ObligationRule, Tally>;

export interface ObligationInput {
  incident: Incident;
  /** The checker's findings for this incident (any severity). */
  findings: readonly Finding[];
  config: Config;
  now: number;
}

/** What the counts need from the checker's cadence context. */
interface Cadence {
  priorityAt(t: number): Priority;
  ackDeadline: number;
}

const WEEKDAY_NAMES: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY = 86_400_000;

function updatesOf(incident: Incident): LogEntry[] {
  return incident.entries.filter((e) => e.direction === 'outbound' && e.at >= incident.openedAt);
}

export function tallyObligations(input: ObligationInput): ObligationTally {
  const { incident, findings, config, now } = input;
  const cadence: Cadence = cadenceContext(incident, { config, now });
  const end = incident.resolvedAt ?? now;
  const updates = updatesOf(incident);
  const missed = (rule: ObligationRule) => findings.filter((f) => f.rule === rule).length;
  const tally = (rule: ObligationRule, due: number): Tally => {
    const m = missed(rule);
    // A finding is a missed obligation, so it was due even where this count cannot see it.
    return { due: Math.max(due, m), missed: m };
  };

  const ackDue = updates.length > 0 || end > cadence.ackDeadline ? 1 : 0;

  let promisesDue = 0;
  updates.forEach((u, i) => {
    if (u.nextUpdateBy === undefined) return;
    if (i + 1 < updates.length || end > u.nextUpdateBy) promisesDue++;
  });

  let commitmentsDue = 0;
  for (const e of incident.entries) {
    for (const c of e.commitments) {
      if (c.due === undefined || c.owner === 'client') continue;
      const fulfilled = incident.entries.some((d) => d.at >= c.madeAt && d.at <= c.due! && d.done.includes(c.id));
      if (fulfilled || now > c.due) commitmentsDue++;
    }
  }

  return {
    ack: tally('ack', ackDue),
    'max-gap': tally('max-gap', countGapSegments(incident, cadence, updates, config, end)),
    window: tally('window', countDueWindows(input, cadence, end)),
    weekly: tally('weekly', countDueWeeks(input, cadence, end)),
    'next-update-late': tally('next-update-late', promisesDue),
    'commitment-overdue': tally('commitment-overdue', commitmentsDue),
  };
}

/** Segments between the first update and End cut at updates and priority changes, whose priority has a max_gap. */
function countGapSegments(incident: Incident, { priorityAt }: Cadence, updates: LogEntry[], config: Config, end: number): number {
  if (updates.length === 0) return 0;
  const first = updates[0].at;
  const cuts = new Set<number>(updates.map((u) => u.at));
  let previous = priorityAt(first);
  for (const e of incident.entries) {
    if (e.at <= first || e.at >= end || !e.priority) continue;
    if (e.priority !== previous) cuts.add(e.at);
    previous = priorityAt(e.at);
  }
  let count = 0;
  for (const s of cuts) {
    if (s >= end) continue;
    if (config.priorities[priorityAt(s)].maxGap !== null) count++;
  }
  return count;
}

interface LocalDay {
  year: number;
  month: number;
  day: number;
  date: string;
  weekday: number;
}

/** Every local calendar day in the zone from the day of `from` to the day of `to`. */
function localDays(zone: string, from: number, to: number): LocalDay[] {
  const a = instantToLocal(zone, from);
  const b = instantToLocal(zone, to);
  const days: LocalDay[] = [];
  for (let t = Date.UTC(a.year, a.month - 1, a.day); t <= Date.UTC(b.year, b.month - 1, b.day); t += DAY) {
    const d = new Date(t);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    days.push({ year, month, day, date: d.toISOString().slice(0, 10), weekday: ((d.getUTCDay() + 6) % 7) + 1 });
  }
  return days;
}

function isBusinessDay(day: LocalDay, config: Config): boolean {
  return config.businessHours.days.includes(WEEKDAY_NAMES[day.weekday - 1]) && !config.holidays.includes(day.date);
}

function at(zone: string, day: LocalDay, minuteOfDay: number): number {
  return wallClockToInstant(zone, { year: day.year, month: day.month, day: day.day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 });
}

function countDueWindows({ incident, config, now }: ObligationInput, { priorityAt, ackDeadline }: Cadence, end: number): number {
  let count = 0;
  for (const day of localDays(incident.zone, incident.openedAt, end)) {
    if (!isBusinessDay(day, config)) continue;
    for (const window of Object.values(config.windows)) {
      const e = at(incident.zone, day, window.to);
      if (ackDeadline > e || now < e) continue;
      if (incident.resolvedAt !== undefined && incident.resolvedAt <= e) continue;
      if (config.priorities[priorityAt(e)].windows.includes(window.name)) count++;
    }
  }
  return count;
}

function countDueWeeks({ incident, config, now }: ObligationInput, { priorityAt, ackDeadline }: Cadence, end: number): number {
  // Whole ISO weeks (Monday to Sunday) overlapping [opened_at, End]: a week's deadline may lie
  // after End (then it is not due) or before opened_at (then it is before A).
  const days = localDays(incident.zone, incident.openedAt, end);
  if (days.length === 0) return 0;
  const last = days[days.length - 1];
  const extended = [...days, ...localDays(incident.zone, at(incident.zone, last, 12 * 60) + DAY, at(incident.zone, last, 12 * 60) + (7 - last.weekday) * DAY)];
  const first = days[0];
  const lead = localDays(incident.zone, at(incident.zone, first, 12 * 60) - (first.weekday - 1) * DAY, at(incident.zone, first, 12 * 60) - DAY);
  const all = first.weekday > 1 ? [...lead, ...extended] : extended;
  let count = 0;
  for (let i = 0; i < all.length; i += 7) {
    const week = all.slice(i, i + 7).filter((d) => isBusinessDay(d, config));
    if (week.length === 0) continue;
    const e = at(incident.zone, week[week.length - 1], config.businessHours.end);
    if (ackDeadline > e || now < e) continue;
    if (incident.resolvedAt !== undefined && incident.resolvedAt <= e) continue;
    if (config.priorities[priorityAt(e)].weekly) count++;
  }
  return count;
}
