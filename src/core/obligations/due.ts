// `commlog due`: what is owed to whom next. For one open incident as of Now, the next deadline
// of each obligation that applies (cli.md), from the same definitions as the compliance rules.
import { cadenceContext, type CadenceContext } from '../cadence/context.ts';
import { commitmentStates, isClientCommitment } from '../cadence/commitments.ts';
import { clockDuration, dayAndTime, dayOf, near, nearWithZone, timeOf } from '../cadence/describe.ts';
import { isOwedAt, weekOf, windowsOfDay } from '../cadence/schedule.ts';
import { localDayOf } from '../clock/localDays.ts';
import type { Config } from '../config/config.ts';
import type { Incident, LogEntry } from '../model.ts';
import type { RuleContext } from '../rules/rule.ts';
import { zoneAbbreviation } from '../time/zone.ts';

export const OBLIGATION_RULES = ['ack', 'max-gap', 'next-update-late', 'window', 'weekly', 'commitment-overdue', 'client-commitment-overdue'] as const;
export type ObligationRule = (typeof OBLIGATION_RULES)[number];

export interface Obligation {
  incident: string;
  rule: ObligationRule;
  /** Epoch ms. */
  due: number;
  /** Now is past `due`. */
  overdue: boolean;
  window?: string;
  commitment?: string;
  message: string;
}

/** How far ahead the next window or week is looked for (a calendar of holidays can be long). */
const SEARCH_DAYS = 2 * 366;

/**
 * The next deadline of each obligation of an open incident as of Now (entries after Now are
 * not yet known), overdue ones first, then by time. A resolved or closed incident owes nothing.
 */
export function dueObligations(incident: Incident, { config, now }: RuleContext): Obligation[] {
  if (incident.status !== 'open') return [];
  const known = incident.entries.filter((e) => e.at <= now);
  const ctx = cadenceContext({ ...incident, resolvedAt: undefined, entries: known }, { config, now });
  const found = [ackObligation(ctx), maxGapObligation(ctx), promisedUpdate(ctx), nextWindow(ctx), nextWeek(ctx), ...commitmentObligations(ctx)];
  return found.filter((o): o is Obligation => o !== null && Number.isFinite(o.due)).sort(compareObligations);
}

/** Overdue first, then by due, then in the order of OBLIGATION_RULES, then by commitment id. */
export function compareObligations(a: Obligation, b: Obligation): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.due !== b.due) return a.due - b.due;
  if (a.rule !== b.rule) return OBLIGATION_RULES.indexOf(a.rule) - OBLIGATION_RULES.indexOf(b.rule);
  return (a.commitment ?? '') < (b.commitment ?? '') ? -1 : (a.commitment ?? '') > (b.commitment ?? '') ? 1 : 0;
}

/**
 * The `next_update_by` to propose for an update at `at` (`commlog new entry`): the earliest
 * deadline `due` would give right after it (max-gap, window, weekly), or undefined when the
 * policy sets none.
 */
export function proposeNextUpdateBy(incident: Incident, at: number, config: Config): number | undefined {
  const update: LogEntry = {
    file: `${incident.dir}/log/(new entry)`,
    // Sorts after any entry at the same instant: the new entry is the latest word.
    name: '\uffff',
    keyLines: {},
    at,
    direction: 'outbound',
    channel: 'email',
    kind: 'update',
    contacts: [],
    author: '',
    summary: '',
    cc: [],
    commitments: [],
    done: [],
    internal: false,
    body: '',
  };
  const hypothetical: Incident = { ...incident, status: 'open', resolvedAt: undefined, entries: [...incident.entries.filter((e) => e.at <= at), update] };
  let earliest: number | undefined;
  for (const o of dueObligations(hypothetical, { config, now: at })) {
    if (o.rule === 'commitment-overdue' || o.rule === 'client-commitment-overdue') continue;
    if (earliest === undefined || o.due < earliest) earliest = o.due;
  }
  return earliest;
}

function obligation(ctx: CadenceContext, rule: ObligationRule, due: number, what: string, extra: Partial<Obligation> = {}): Obligation {
  const overdue = ctx.now > due;
  const when = nearWithZone(ctx.zone, due, ctx.now);
  return { incident: ctx.incident.id, rule, due, overdue, ...extra, message: `${what}: ${overdue ? `overdue since ${when}` : `due by ${when}`}` };
}

function ackObligation(ctx: CadenceContext): Obligation | null {
  if (ctx.updates.length > 0) return null;
  const opened = ctx.incident.openedAt;
  const priority = ctx.priorityAt(opened);
  const policy = ctx.policy(priority);
  return obligation(
    ctx,
    'ack',
    ctx.ackDeadline,
    `Acknowledge the report of ${dayAndTime(ctx.zone, opened)} (${priority} allows ${clockDuration(policy.acknowledgeWithin, policy.clock)})`,
  );
}

function maxGapObligation(ctx: CadenceContext): Obligation | null {
  const last = ctx.updates.at(-1);
  if (!last) return null;
  const change = ctx.priorities.at(-1)!;
  const start = Math.max(last.at, change.at);
  const priority = ctx.priorityAt(start);
  const policy = ctx.policy(priority);
  if (policy.maxGap === null) return null;
  const from = start === last.at ? `the update at ${near(ctx.zone, start, ctx.now)}` : `the change to ${priority} at ${near(ctx.zone, start, ctx.now)}`;
  return obligation(ctx, 'max-gap', ctx.gapClock(priority).add(start, policy.maxGap), `Next update (${priority} allows ${clockDuration(policy.maxGap, policy.clock)} after ${from})`);
}

function promisedUpdate(ctx: CadenceContext): Obligation | null {
  const last = ctx.updates.at(-1);
  if (last?.nextUpdateBy === undefined) return null;
  return obligation(ctx, 'next-update-late', last.nextUpdateBy, `Next update promised in the update at ${near(ctx.zone, last.at, ctx.now)}`);
}

function nextWindow(ctx: CadenceContext): Obligation | null {
  const { zone, now } = ctx;
  if (ctx.policy(ctx.priorityAt(now)).windows.length === 0 || !ctx.calendar.hasBusinessDays) return null;
  const today = localDayOf(zone, now);
  for (let day = today; day <= today + SEARCH_DAYS; day++) {
    for (const w of windowsOfDay(ctx, day)) {
      if (w.end < now || !isOwedAt(ctx, w.end) || ctx.hasUpdateWithin(w.start, w.end)) continue;
      const span = `${timeOf(zone, w.start)}–${timeOf(zone, w.end)} ${zoneAbbreviation(zone, w.end)}`;
      return obligation(ctx, 'window', w.end, `Update in the ${w.name} window on ${dayOf(zone, w.end)} (${span}, ${w.priority} priority)`, { window: w.name });
    }
  }
  return null;
}

function nextWeek(ctx: CadenceContext): Obligation | null {
  const { zone, now } = ctx;
  if (!ctx.policy(ctx.priorityAt(now)).weekly || !ctx.calendar.hasBusinessDays) return null;
  const today = localDayOf(zone, now);
  for (let day = today; day <= today + SEARCH_DAYS; day += 7) {
    const week = weekOf(ctx, day);
    if (!week || week.end < now || !isOwedAt(ctx, week.end) || ctx.hasUpdateWithin(week.start, week.end)) continue;
    return obligation(ctx, 'weekly', week.end, `Weekly update for the week of ${dayOf(zone, week.start)} (${week.priority} priority)`);
  }
  return null;
}

function commitmentObligations(ctx: CadenceContext): Obligation[] {
  const out: Obligation[] = [];
  for (const { commitment, doneAt } of commitmentStates(ctx.entries)) {
    if (commitment.due === undefined || doneAt !== undefined) continue;
    const client = isClientCommitment(commitment);
    const what = client
      ? `The client's commitment "${commitment.id}" (${commitment.action})`
      : `Commitment "${commitment.id}" (${commitment.action}${commitment.owner === 'us' ? '' : `, owner ${commitment.owner}`})`;
    out.push(obligation(ctx, client ? 'client-commitment-overdue' : 'commitment-overdue', commitment.due, what, { commitment: commitment.id }));
  }
  return out;
}

