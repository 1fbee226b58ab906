// Everything the time rules of rules.md share for one incident, computed once: entries in log
// order, the updates, End, the priority in force over time, the clocks and the
// acknowledgement deadline A. Each compliance rule is then a small function over this.
import { businessCalendar, type BusinessCalendar } from '../clock/businessCalendar.ts';
import { clockOfKind, pausedClock, type Clock } from '../clock/clock.ts';
import type { Config, IncidentPolicy, PriorityPolicy } from '../config/config.ts';
import { policyOf } from '../config/policyLookup.ts';
import type { Incident, LogEntry } from '../model.ts';
import type { RuleContext } from '../rules/rule.ts';
import type { Priority } from '../schema/values.ts';

/** From `at` on, `priority` is in force (the first step is the incident's own, from -Infinity). */
export interface PriorityStep {
  at: number;
  priority: Priority;
  /** The entry that set it (absent for the incident's own priority). */
  entry?: LogEntry;
}

export interface CadenceContext {
  incident: Incident;
  config: Config;
  /** The one policy that judges the incident, fixed at `opened_at` (policies.md). */
  judgedBy: IncidentPolicy;
  now: number;
  zone: string;
  calendar: BusinessCalendar;
  /** Every entry in log order (by `at`, equal times by file name). */
  entries: readonly LogEntry[];
  /** Outbound entries with `opened_at ≤ at`, in log order. */
  updates: readonly LogEntry[];
  /** `resolved_at`, else Now. */
  end: number;
  /** `opened_at + acknowledge_within` under the clock of the priority in force at `opened_at`. */
  ackDeadline: number;
  /** The priority in force at End: what `check` reports and the site shows as "priority". */
  priorityInForce: Priority;
  /** The priority in force at `opened_at`: incident.md's, unless an entry at or before it re-triaged. */
  priorityAtOpening: Priority;
  /** Only real changes: consecutive steps have different priorities. */
  priorities: readonly PriorityStep[];
  priorityAt(t: number): Priority;
  policy(priority: Priority): PriorityPolicy;
  clock(priority: Priority): Clock;
  /** Awaiting the client (policies.md), as [from, to) pairs in order: awaiting[2i] to awaiting[2i + 1]. */
  awaiting: readonly number[];
  /** Whether t lies in an awaiting interval while the priority in force at t is pausable. */
  isPausedAt(t: number): boolean;
  /** The max-gap clock of a priority: paused while awaiting the client when it is pausable. */
  gapClock(priority: Priority): Clock;
  /** `at` of the first update with `from ≤ at ≤ to`. */
  firstUpdateWithin(from: number, to: number): number | undefined;
}

export function compareLogOrder(a: LogEntry, b: LogEntry): number {
  return a.at - b.at || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

const cache = new WeakMap<Incident, { config: Config; now: number; context: CadenceContext }>();

/** The context of an incident as of Now; rules of one check share it. */
export function cadenceContext(incident: Incident, { config, now }: RuleContext): CadenceContext {
  const hit = cache.get(incident);
  if (hit && hit.config === config && hit.now === now) return hit.context;
  const context = buildContext(incident, config, now);
  cache.set(incident, { config, now, context });
  return context;
}

function buildContext(incident: Incident, config: Config, now: number): CadenceContext {
  const zone = incident.zone;
  const judgedBy = policyOf(config, incident);
  const { priorities: policies } = judgedBy.policy;
  const calendar = businessCalendar(judgedBy.policy, zone);
  const entries = inLogOrder(incident.entries);
  const updates = entries.filter((e) => e.direction === 'outbound' && e.at >= incident.openedAt);
  const updateTimes = updates.map((u) => u.at);
  const priorities = priorityStepsOf(incident, entries);
  const stepTimes = priorities.map((s) => s.at);
  const priorityAt = (t: number) => priorities[lastAtOrBefore(stepTimes, t)].priority;
  const policy = (p: Priority) => policies[p];
  const clock = (p: Priority) => clockOfKind(policies[p].clock, calendar);
  const awaiting = awaitingIntervals(entries, incident.resolvedAt);
  const isAwaitingAt = (t: number) => {
    const i = lastAtOrBefore(awaiting, t);
    return i >= 0 && i % 2 === 0 && t < awaiting[i + 1];
  };
  const opening = priorityAt(incident.openedAt);
  const end = incident.resolvedAt ?? now;
  return {
    incident,
    config,
    judgedBy,
    now,
    zone,
    calendar,
    entries,
    updates,
    end,
    priorityInForce: priorityAt(end),
    priorityAtOpening: opening,
    ackDeadline: clock(opening).add(incident.openedAt, policy(opening).acknowledgeWithin),
    priorities,
    priorityAt,
    policy,
    clock,
    awaiting,
    isPausedAt: (t) => policy(priorityAt(t)).pausable && isAwaitingAt(t),
    gapClock: (p) => (policies[p].pausable && awaiting.length > 0 ? pausedClock(clock(p), awaiting) : clock(p)),
    firstUpdateWithin(from, to) {
      const first = updateTimes[lastBefore(updateTimes, from) + 1];
      return first !== undefined && first <= to ? first : undefined;
    },
  };
}

/**
 * Awaiting the client: from an outbound entry with `awaiting: client` until the next inbound
 * entry or outbound entry without it, in log order (internal entries change nothing), or
 * `resolved_at`; while unresolved, the last runs on.
 */
export function awaitingIntervals(entries: readonly LogEntry[], resolvedAt: number | undefined): number[] {
  const out: number[] = [];
  const stop = resolvedAt ?? Infinity;
  let from: number | undefined;
  for (const entry of entries) {
    if (entry.direction === 'internal') continue;
    const waits = entry.direction === 'outbound' && entry.awaiting === 'client';
    if (waits && from === undefined) from = entry.at;
    else if (!waits && from !== undefined) {
      if (Math.min(entry.at, stop) > from) out.push(from, Math.min(entry.at, stop));
      from = undefined;
    }
  }
  if (from !== undefined && stop > from) out.push(from, stop);
  return out;
}

/** The loader sorts entries already; sorting here keeps the rules right for any caller. */
export function inLogOrder(entries: readonly LogEntry[]): readonly LogEntry[] {
  for (let i = 1; i < entries.length; i++) {
    if (compareLogOrder(entries[i - 1], entries[i]) > 0) return [...entries].sort(compareLogOrder);
  }
  return entries;
}

function priorityStepsOf(incident: Incident, entries: readonly LogEntry[]): PriorityStep[] {
  const steps: PriorityStep[] = [{ at: -Infinity, priority: incident.priority }];
  for (const entry of entries) {
    if (!entry.priority) continue;
    // Of several entries at one instant, the last in log order sets what is in force.
    if (steps[steps.length - 1].at === entry.at) steps.pop();
    if (steps[steps.length - 1].priority !== entry.priority) steps.push({ at: entry.at, priority: entry.priority, entry });
  }
  return steps;
}

/** Index of the last value < t in an ascending list, or -1. */
function lastBefore(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the last value ≤ t in an ascending list, or -1. */
function lastAtOrBefore(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
