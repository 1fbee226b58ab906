// The compliance figure: the share of obligations that came due and were met. The checker's
// findings say which were missed; this counts how many were due with the cadence engine's own
// schedule (the same windows, weeks and gap segments the rules judge), so that met = due - missed.
import { commitmentStates, isClientCommitment } from '../cadence/commitments.ts';
import { cadenceContext, type CadenceContext } from '../cadence/context.ts';
import { isOwedAt, weekOf, windowsOfDay } from '../cadence/schedule.ts';
import { localDayOf } from '../clock/localDays.ts';
import type { Config } from '../config/config.ts';
import type { Finding, RuleId } from '../findings.ts';
import type { Incident } from '../model.ts';
import { gapSegments } from '../rules/maxGap.ts';

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

export function tallyObligations(input: ObligationInput): ObligationTally {
  const { incident, findings, config, now } = input;
  const ctx = cadenceContext(incident, { config, now });
  const { updates, end } = ctx;
  const tally = (rule: ObligationRule, due: number): Tally => {
    const missed = findings.filter((f) => f.rule === rule).length;
    // A finding is a missed obligation, so it was due even where this count cannot see it.
    return { due: Math.max(due, missed), missed };
  };

  let promisesDue = 0;
  updates.forEach((u, i) => {
    if (u.nextUpdateBy === undefined) return;
    if (i + 1 < updates.length || end > u.nextUpdateBy) promisesDue++;
  });

  let commitmentsDue = 0;
  for (const { commitment, doneAt } of commitmentStates(ctx.entries)) {
    const due = commitment.due;
    if (due === undefined || isClientCommitment(commitment)) continue;
    if ((doneAt !== undefined && doneAt <= due) || now > due) commitmentsDue++;
  }

  return {
    ack: tally('ack', updates.length > 0 || end > ctx.ackDeadline ? 1 : 0),
    'max-gap': tally('max-gap', countGapSegments(ctx)),
    window: tally('window', countDueWindows(ctx)),
    weekly: tally('weekly', countDueWeeks(ctx)),
    'next-update-late': tally('next-update-late', promisesDue),
    'commitment-overdue': tally('commitment-overdue', commitmentsDue),
  };
}

/** Gap segments whose priority has a max_gap and that have come due: ended, or past their deadline. */
function countGapSegments(ctx: CadenceContext): number {
  let count = 0;
  for (const segment of gapSegments(ctx)) {
    const priority = ctx.priorityAt(segment.start);
    const maxGap = ctx.policy(priority).maxGap;
    if (maxGap === null) continue;
    if (segment.endsWith !== 'end' || ctx.gapClock(priority).add(segment.start, maxGap) < segment.end) count++;
  }
  return count;
}

/** Windows that have passed and were owed, as the window rule sees them. */
function countDueWindows(ctx: CadenceContext): number {
  let count = 0;
  const last = localDayOf(ctx.zone, ctx.end);
  for (let day = localDayOf(ctx.zone, ctx.incident.openedAt); day <= last; day++) {
    for (const w of windowsOfDay(ctx, day)) if (ctx.now >= w.end && isOwedAt(ctx, w.end)) count++;
  }
  return count;
}

/** Weeks that have passed and were owed, as the weekly rule sees them. */
function countDueWeeks(ctx: CadenceContext): number {
  let count = 0;
  const last = localDayOf(ctx.zone, ctx.end);
  for (let day = localDayOf(ctx.zone, ctx.incident.openedAt); day <= last + 6; day += 7) {
    const week = weekOf(ctx, day);
    if (week && week.monday <= last && ctx.now >= week.end && isOwedAt(ctx, week.end)) count++;
  }
  return count;
}
