// `commlog due`: what is owed to whom next. For one open incident as of Now, the open
// obligations of its schedule (obligations/schedule.ts): the next window and week, the running
// gap, the last promise, the acknowledgement and every commitment not yet done (cli.md).
import { cadenceContext, type CadenceContext } from '../cadence/context.ts';
import { clockDuration, dayAndTime, dayOf, near, nearWithZone, timeOf } from '../cadence/describe.ts';
import type { Config } from '../config/config.ts';
import type { Incident, LogEntry } from '../model.ts';
import type { RuleContext } from '../rules/rule.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import { OBLIGATION_RULES, obligationsOf, type ScheduledObligation } from './schedule.ts';

export type ObligationRule = Exclude<ScheduledObligation, { due?: undefined }>['rule'];

export interface Obligation {
  incident: string;
  /** The incident's IANA zone, as findings carry it: `due` is shown in it. */
  zone: string;
  rule: ObligationRule;
  /** Epoch ms. */
  due: number;
  /** Now is past `due`. */
  overdue: boolean;
  window?: string;
  commitment?: string;
  message: string;
}

/**
 * The next deadline of each obligation of an open incident as of Now (entries after Now are
 * not yet known), overdue ones first, then by time. A resolved or closed incident owes nothing.
 */
export function dueObligations(incident: Incident, { config, now }: RuleContext): Obligation[] {
  if (incident.status !== 'open') return [];
  const known = incident.entries.filter((e) => e.at <= now);
  const ctx = cadenceContext({ ...incident, resolvedAt: undefined, entries: known }, { config, now });
  const found: Obligation[] = [];
  const periodsTaken = new Set<string>();
  for (const o of obligationsOf(ctx)) {
    if (!o.open || o.due === undefined || !Number.isFinite(o.due)) continue;
    // Of the windows and weeks, only the next one is owed next.
    if (o.rule === 'window' || o.rule === 'weekly') {
      if (periodsTaken.has(o.rule)) continue;
      periodsTaken.add(o.rule);
    }
    found.push(describe(ctx, o));
  }
  return found.sort(compareObligations);
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
    bodyLine: 1,
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
  return { incident: ctx.incident.id, zone: ctx.zone, rule, due, overdue, ...extra, message: `${what}: ${overdue ? `overdue since ${when}` : `due by ${when}`}` };
}

function describe(ctx: CadenceContext, o: Exclude<ScheduledObligation, { due?: undefined }>): Obligation {
  const { zone, now } = ctx;
  switch (o.rule) {
    case 'ack': {
      const opened = ctx.incident.openedAt;
      const priority = ctx.priorityAtOpening;
      const policy = ctx.policy(priority);
      return obligation(ctx, 'ack', o.due, `Acknowledge the report of ${dayAndTime(zone, opened)} (${priority} allows ${clockDuration(policy.acknowledgeWithin, policy.clock)})`);
    }
    case 'max-gap': {
      const from = o.startsWith === 'update' ? `the update at ${near(zone, o.start, now)}` : `the change to ${o.priority} at ${near(zone, o.start, now)}`;
      return obligation(ctx, 'max-gap', o.due, `Next update (${o.priority} allows ${clockDuration(o.maxGap, ctx.policy(o.priority).clock)} after ${from})`);
    }
    case 'next-update-late':
      return obligation(ctx, 'next-update-late', o.due, `Next update promised in the update at ${near(zone, o.entry.at, now)}`);
    case 'window': {
      const w = o.window;
      const span = `${timeOf(zone, w.start)}–${timeOf(zone, w.end)} ${zoneAbbreviation(zone, w.end)}`;
      return obligation(ctx, 'window', w.end, `Update in the ${w.name} window on ${dayOf(zone, w.end)} (${span}, ${w.priority} priority)`, { window: w.name });
    }
    case 'weekly':
      return obligation(ctx, 'weekly', o.due, `Weekly update for the week of ${dayOf(zone, o.week.start)} (${o.week.priority} priority)`);
    case 'commitment-overdue':
    case 'client-commitment-overdue': {
      const c = o.commitment;
      const what = o.rule === 'client-commitment-overdue'
        ? `The client's commitment "${c.id}" (${c.action})`
        : `Commitment "${c.id}" (${c.action}${c.owner === 'us' ? '' : `, owner ${c.owner}`})`;
      return obligation(ctx, o.rule, o.due, what, { commitment: c.id });
    }
  }
}
