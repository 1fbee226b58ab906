// The obligation schedule of one incident, computed once (model: changesets' one release plan
// with many renderers): every obligation the communication policy puts on it, with when it
// was due, whether and when it was met, and where it came from. The compliance rules turn the
// missed ones into findings, `commlog due` takes the next open ones, the compliance figure
// counts them — so the three cannot disagree.
import { commitmentStates, isClientCommitment } from '../cadence/commitments.ts';
import type { CadenceContext } from '../cadence/context.ts';
import { isOwedAt, weekOf, windowsOfDay, type WeekOccurrence, type WindowOccurrence } from '../cadence/schedule.ts';
import { localDayOf, mondayOf } from '../clock/localDays.ts';
import type { Commitment, LogEntry } from '../model.ts';
import type { Priority } from '../schema/values.ts';

interface ObligationState {
  /** When it was kept (the update, or the entry that listed the commitment in `done`), once it came due. */
  metAt?: number;
  /** It came due and was not kept in time: one finding of its rule. */
  missed: boolean;
  /** Nothing has settled it yet: something done now can still keep it (late, when missed). */
  open: boolean;
}

/** `ack`: the first reply, due A. */
export interface AckObligation extends ObligationState {
  rule: 'ack';
  due: number;
  /** The first update, if any. */
  entry?: LogEntry;
}

/** `max-gap`: a stretch with no update and one priority in force (rules.md). */
export interface GapObligation extends ObligationState {
  rule: 'max-gap';
  due: number;
  start: number;
  end: number;
  priority: Priority;
  /** The priority's max_gap (clock time). */
  maxGap: number;
  /** The update that began it, or the entry that changed the priority. */
  entry: LogEntry;
  startsWith: 'update' | 'priority';
  /** What ended it: the next update, a change of priority, or End. */
  endsWith: 'update' | 'priority' | 'end';
}

/** `window`: an update within one daily window. */
export interface WindowObligation extends ObligationState {
  rule: 'window';
  due: number;
  window: WindowOccurrence;
}

/** `weekly`: an update within one ISO week. */
export interface WeekObligation extends ObligationState {
  rule: 'weekly';
  due: number;
  week: WeekOccurrence;
}

/** `next-update-late`: the next update by the time an update promised. */
export interface PromiseObligation extends ObligationState {
  rule: 'next-update-late';
  due: number;
  /** The update that promised. */
  entry: LogEntry;
  /** The next update, if any. */
  next?: LogEntry;
}

/** `commitment-overdue` / `client-commitment-overdue`: a commitment with a due time. */
export interface CommitmentObligation extends ObligationState {
  rule: 'commitment-overdue' | 'client-commitment-overdue';
  due: number;
  commitment: Commitment;
  /** When an entry listed it in `done`, on time or not. */
  doneAt?: number;
}

/** `next-update-missing`: an update before resolution names the next one. No due. */
export interface NamedNextObligation extends ObligationState {
  rule: 'next-update-missing';
  due?: undefined;
  entry: LogEntry;
}

/** `cc-pm`: a written update copies the project manager. No due. */
export interface CcObligation extends ObligationState {
  rule: 'cc-pm';
  due?: undefined;
  entry: LogEntry;
}

/** `resolution-notice`: the client is told of the resolution. No due. */
export interface ResolutionObligation extends ObligationState {
  rule: 'resolution-notice';
  due?: undefined;
  resolvedAt: number;
}

export type ScheduledObligation =
  | AckObligation
  | GapObligation
  | WindowObligation
  | WeekObligation
  | PromiseObligation
  | CommitmentObligation
  | NamedNextObligation
  | CcObligation
  | ResolutionObligation;

export type ObligationRule = ScheduledObligation['rule'];

/**
 * Every rule with obligations in the schedule: first those with a due instant, in the order
 * `commlog due` lists equal times, then those without.
 */
export const OBLIGATION_RULES = [
  'ack',
  'max-gap',
  'next-update-late',
  'window',
  'weekly',
  'commitment-overdue',
  'client-commitment-overdue',
  'next-update-missing',
  'cc-pm',
  'resolution-notice',
] as const satisfies readonly ObligationRule[];

/** Whether the obligation came due: it was kept, or missed. What the compliance figure counts. */
export function cameDue(o: ScheduledObligation): boolean {
  return o.metAt !== undefined || o.missed;
}

/** How far ahead the next window or week of an unresolved incident is looked for (holiday calendars can be long). */
const SEARCH_DAYS = 2 * 366;

const schedules = new WeakMap<CadenceContext, ScheduledObligation[]>();

/**
 * Every obligation of the incident as of Now: all those up to End, and for an unresolved
 * incident the next window and week still to come. In rule order, each rule's by time.
 */
export function obligationsOf(ctx: CadenceContext): readonly ScheduledObligation[] {
  let list = schedules.get(ctx);
  if (!list) {
    list = [
      ...ackObligations(ctx),
      ...gapObligations(ctx),
      ...windowObligations(ctx),
      ...weekObligations(ctx),
      ...promiseObligations(ctx),
      ...commitmentObligations(ctx),
      ...namedNextObligations(ctx),
      ...ccObligations(ctx),
      ...resolutionObligations(ctx),
    ];
    schedules.set(ctx, list);
  }
  return list;
}

/** The obligations of one rule. */
export function obligationsOfRule<R extends ObligationRule>(ctx: CadenceContext, rule: R): Extract<ScheduledObligation, { rule: R }>[] {
  return obligationsOf(ctx).filter((o): o is Extract<ScheduledObligation, { rule: R }> => o.rule === rule);
}

function unresolved(ctx: CadenceContext): boolean {
  return ctx.incident.resolvedAt === undefined;
}

function ackObligations(ctx: CadenceContext): AckObligation[] {
  const due = ctx.ackDeadline;
  const first = ctx.updates[0];
  if (first) return [{ rule: 'ack', due, entry: first, metAt: first.at <= due ? first.at : undefined, missed: first.at > due, open: false }];
  return [{ rule: 'ack', due, missed: ctx.end > due, open: unresolved(ctx) }];
}

function gapObligations(ctx: CadenceContext): GapObligation[] {
  const { updates, end } = ctx;
  if (updates.length === 0) return [];
  const changes = ctx.priorities.filter((s) => s.entry && s.at > updates[0].at);
  const out: GapObligation[] = [];
  let u = 1;
  let c = 0;
  let start = updates[0].at;
  let entry = updates[0];
  let startsWith: GapObligation['startsWith'] = 'update';
  const push = (segmentEnd: number, endsWith: GapObligation['endsWith']) => {
    const priority = ctx.priorityAt(start);
    const { maxGap } = ctx.policy(priority);
    if (maxGap === null) return;
    const due = ctx.gapClock(priority).add(start, maxGap);
    const missed = segmentEnd > due;
    // A stretch cut short by resolution before its deadline never came due.
    const metAt = !missed && endsWith !== 'end' ? segmentEnd : undefined;
    const open = endsWith === 'end' && unresolved(ctx);
    out.push({ rule: 'max-gap', due, start, end: segmentEnd, priority, maxGap, entry, startsWith, endsWith, metAt, missed, open });
  };
  // The last stretch may be empty (an update at End): it is still the one `due` counts from.
  while (start <= end) {
    while (u < updates.length && updates[u].at <= start) u++;
    while (c < changes.length && changes[c].at <= start) c++;
    const nextUpdate = u < updates.length ? updates[u].at : Infinity;
    const nextChange = c < changes.length ? changes[c].at : Infinity;
    const next = Math.min(nextUpdate, nextChange);
    if (next > end) {
      push(end, 'end');
      break;
    }
    // An update and a change of priority at one instant start one stretch: the update's.
    const byUpdate = nextUpdate === next;
    push(next, byUpdate ? 'update' : 'priority');
    entry = byUpdate ? updates[u] : changes[c].entry!;
    startsWith = byUpdate ? 'update' : 'priority';
    start = next;
  }
  return out;
}

/**
 * A window or week ending at `end`, owed (isOwedAt): kept by an update within [start, end].
 * It comes due when it ends; one kept early is neither open nor yet counted.
 */
function periodState(ctx: CadenceContext, start: number, end: number): ObligationState {
  const kept = ctx.firstUpdateWithin(start, end);
  const passed = ctx.now >= end;
  // At its very end it is both missed and still (just) open, as `due` and the rules see it.
  return { metAt: passed ? kept : undefined, missed: passed && kept === undefined, open: ctx.now <= end && kept === undefined };
}

function windowObligation(ctx: CadenceContext, window: WindowOccurrence): WindowObligation | null {
  if (!isOwedAt(ctx, window.end)) return null;
  return { rule: 'window', due: window.end, window, ...periodState(ctx, window.start, window.end) };
}

function windowObligations(ctx: CadenceContext): WindowObligation[] {
  const { zone } = ctx;
  const out: WindowObligation[] = [];
  const last = localDayOf(zone, ctx.end);
  for (let day = localDayOf(zone, ctx.incident.openedAt); day <= last; day++) {
    for (const w of windowsOfDay(ctx, day)) {
      const o = windowObligation(ctx, w);
      if (o) out.push(o);
    }
  }
  // An unresolved incident with no open window left today owes the next one to come.
  if (unresolved(ctx) && !out.some((o) => o.open) && ctx.policy(ctx.priorityAt(ctx.now)).windows.length > 0 && ctx.calendar.hasBusinessDays) {
    search: for (let day = last + 1; day <= last + SEARCH_DAYS; day++) {
      for (const w of windowsOfDay(ctx, day)) {
        const o = windowObligation(ctx, w);
        if (o?.open) {
          out.push(o);
          break search;
        }
      }
    }
  }
  return out;
}

function weekObligation(ctx: CadenceContext, week: WeekOccurrence): WeekObligation | null {
  if (!isOwedAt(ctx, week.end)) return null;
  return { rule: 'weekly', due: week.end, week, ...periodState(ctx, week.start, week.end) };
}

function weekObligations(ctx: CadenceContext): WeekObligation[] {
  const { zone } = ctx;
  const out: WeekObligation[] = [];
  const last = localDayOf(zone, ctx.end);
  for (let day = localDayOf(zone, ctx.incident.openedAt); day <= last + 6; day += 7) {
    const week = weekOf(ctx, day);
    if (!week || week.monday > last) continue;
    const o = weekObligation(ctx, week);
    if (o) out.push(o);
  }
  // An unresolved incident whose week is kept (or has none) owes the next week to come.
  if (unresolved(ctx) && !out.some((o) => o.open) && ctx.policy(ctx.priorityAt(ctx.now)).weekly && ctx.calendar.hasBusinessDays) {
    for (let monday = mondayOf(last) + 7; monday <= last + SEARCH_DAYS; monday += 7) {
      const week = weekOf(ctx, monday);
      const o = week && weekObligation(ctx, week);
      if (o?.open) {
        out.push(o);
        break;
      }
    }
  }
  return out;
}

function promiseObligations(ctx: CadenceContext): PromiseObligation[] {
  const { updates, end } = ctx;
  const out: PromiseObligation[] = [];
  for (let i = 0; i < updates.length; i++) {
    const entry = updates[i];
    const due = entry.nextUpdateBy;
    if (due === undefined) continue;
    const next = updates[i + 1] as LogEntry | undefined;
    if (next) out.push({ rule: 'next-update-late', due, entry, next, metAt: next.at <= due ? next.at : undefined, missed: next.at > due, open: false });
    else out.push({ rule: 'next-update-late', due, entry, missed: end > due, open: unresolved(ctx) });
  }
  return out;
}

function commitmentObligations(ctx: CadenceContext): CommitmentObligation[] {
  const out: CommitmentObligation[] = [];
  for (const { commitment, doneAt } of commitmentStates(ctx.entries)) {
    const due = commitment.due;
    if (due === undefined) continue;
    const onTime = doneAt !== undefined && doneAt <= due;
    // Commitments outlive resolution: they are judged against Now.
    out.push({
      rule: isClientCommitment(commitment) ? 'client-commitment-overdue' : 'commitment-overdue',
      due,
      commitment,
      doneAt,
      metAt: onTime ? doneAt : undefined,
      missed: !onTime && ctx.now > due,
      open: doneAt === undefined,
    });
  }
  return out;
}

function namedNextObligations(ctx: CadenceContext): NamedNextObligation[] {
  const { resolvedAt } = ctx.incident;
  const out: NamedNextObligation[] = [];
  for (const entry of ctx.updates) {
    if (resolvedAt !== undefined && entry.at >= resolvedAt) break;
    if (entry.kind === 'resolution') continue;
    // Awaiting the client on a pausable priority, the next update waits for the client's answer.
    if (entry.awaiting === 'client' && ctx.policy(ctx.priorityAt(entry.at)).pausable) continue;
    const named = entry.nextUpdateBy !== undefined;
    out.push({ rule: 'next-update-missing', entry, metAt: named ? entry.at : undefined, missed: !named, open: false });
  }
  return out;
}

/** The address of a cc entry: the part inside `<…>` of `Name <address>`, else the whole. */
export function ccAddress(cc: string): string {
  const m = /<([^>]*)>/.exec(cc);
  return (m ? m[1] : cc).trim().toLowerCase();
}

function ccObligations(ctx: CadenceContext): CcObligation[] {
  const pmEmail = ctx.incident.pm.email?.trim().toLowerCase();
  // Without the PM's address there is nothing to compare; the schema rule reports it missing.
  if (!pmEmail) return [];
  const channels = new Set<string>(ctx.judgedBy.policy.pmCcChannels);
  const out: CcObligation[] = [];
  for (const entry of ctx.updates) {
    if (!channels.has(entry.channel)) continue;
    const copied = entry.cc.some((cc) => ccAddress(cc) === pmEmail);
    out.push({ rule: 'cc-pm', entry, metAt: copied ? entry.at : undefined, missed: !copied, open: false });
  }
  return out;
}

function resolutionObligations(ctx: CadenceContext): ResolutionObligation[] {
  const { resolvedAt, status } = ctx.incident;
  if (resolvedAt === undefined || status === 'open') return [];
  const notice = ctx.updates.find((u) => u.at >= resolvedAt || u.kind === 'resolution');
  return [{ rule: 'resolution-notice', resolvedAt, metAt: notice?.at, missed: notice === undefined, open: false }];
}
