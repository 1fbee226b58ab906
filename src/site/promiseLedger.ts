// The promise ledger of an incident page, in the client's words: every obligation of the core's
// one schedule (obligations/schedule.ts) that has a due time — the first reply, each "next
// update by", the regular updates the policy owes, each commitment — shown as kept or late by
// how much. Nothing is judged here: kept, missed and open come from the schedule; this module
// only words them. Runs of consecutive misses of one regular update are merged into one line.
import { isClientCommitment } from '../core/cadence/commitments.ts';
import type { CadenceContext } from '../core/cadence/context.ts';
import { dayAndTime } from '../core/cadence/describe.ts';
import type { Config } from '../core/config/config.ts';
import { cameDue, obligationsOf, type ScheduledObligation } from '../core/obligations/schedule.ts';
import { formatDuration } from '../core/present/duration.ts';
import { plural } from '../core/present/plural.ts';
import { instantToLocal, zoneAbbreviation } from '../core/time/zone.ts';

export type OutcomeState = 'kept' | 'late' | 'not-yet-due' | 'missed';

export interface Outcome {
  state: OutcomeState;
  /** "kept", "2h10m late", "not yet due", "missed — not sent" */
  text: string;
}

export interface LedgerLine {
  /** What was promised: "Next update by Mon 14 Sep 09:45 BST". */
  promise: string;
  outcome: Outcome;
  /** Anchor of the published entry that made the promise, when there is one. */
  entry?: string;
}

export interface LedgerSection {
  id: 'first-reply' | 'next-update' | 'regular-updates' | 'commitments' | 'resolution';
  heading: string;
  lines: LedgerLine[];
}

export interface PromiseLedger {
  sections: LedgerSection[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The anchor of a log entry on its incident page (`#entry-2026-09-14T0858-email-out`). An id
 * has no white space (HTML's rule, which Pagefind applies by dropping it): a name with a contact
 * withheld (`call-[phone withheld].md`) would otherwise be one id on the page and another in the
 * search index.
 */
export function entryAnchor(fileName: string): string {
  return `entry-${fileName.replace(/\.md$/, '').replace(/\s+/g, '-')}`;
}

/** `Mon 14 Sep 09:45 BST` */
export function when(zone: string, t: number): string {
  return `${dayAndTime(zone, t)} ${zoneAbbreviation(zone, t)}`;
}

/** `23 Nov`, or `23 Nov 2026` when asked. */
function shortDate(zone: string, t: number, withYear = false): string {
  const l = instantToLocal(zone, t);
  return `${l.day} ${MONTHS[l.month - 1]}${withYear ? ` ${l.year}` : ''}`;
}

/** `23 Nov–3 Dec`, `23 Nov`, `30 Dec 2026–4 Jan 2027`. */
export function dateRange(zone: string, from: number, to: number): string {
  const a = instantToLocal(zone, from);
  const b = instantToLocal(zone, to);
  if (a.date === b.date) return shortDate(zone, from);
  const years = a.year !== b.year;
  return `${shortDate(zone, from, years)}–${shortDate(zone, to, years)}`;
}

const KEPT: Outcome = { state: 'kept', text: 'kept' };
const NOT_YET_DUE: Outcome = { state: 'not-yet-due', text: 'not yet due' };

function late(by: number): Outcome {
  return { state: 'late', text: `${formatDuration(by)} late` };
}

/**
 * An obligation's outcome from the schedule: kept; late by how much when it was kept after its
 * due time (`doneAt`); not yet due; or missed, with nothing sent (done) yet.
 */
function outcomeOf(o: ScheduledObligation, now: number, keptLateAt: number | undefined, missedText: string): Outcome {
  if (o.metAt !== undefined) return KEPT;
  if (!o.missed) return o.open || (o.due !== undefined && now <= o.due) ? NOT_YET_DUE : KEPT;
  if (keptLateAt !== undefined && o.due !== undefined) return late(keptLateAt - o.due);
  return { state: 'missed', text: missedText };
}

/** What kept an obligation late: the later update, the entry that listed the commitment done. */
function lateAt(o: ScheduledObligation): number | undefined {
  switch (o.rule) {
    case 'ack': return o.entry?.at;
    case 'next-update-late': return o.next?.at;
    case 'commitment-overdue':
    case 'client-commitment-overdue': return o.doneAt;
    case 'max-gap': return o.endsWith === 'update' ? o.end : undefined;
    default: return undefined;
  }
}

function publishedAnchor(entry: { name: string; internal: boolean } | undefined): string | undefined {
  return entry && !entry.internal && entry.name ? entryAnchor(entry.name) : undefined;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A regular update's name: "end-of-day update", "weekly update". */
function regularName(o: ScheduledObligation): string {
  return o.rule === 'window' ? `${o.window.name} update` : 'weekly update';
}

/**
 * Windows and weeks of one name in order, as lines: runs of kept ones and of missed ones, each
 * merged ("12 end-of-day updates missed, 23 Nov–3 Dec"), and the one still to come.
 */
function periodLines(list: ScheduledObligation[], zone: string, now: number): LedgerLine[] {
  const lines: LedgerLine[] = [];
  let run: { state: 'kept' | 'missed'; from: number; to: number; count: number } | undefined;
  const name = list.length ? regularName(list[0]) : '';
  const close = () => {
    if (!run) return;
    const what = capitalised(run.count === 1 ? name : plural(run.count, name));
    const dates = dateRange(zone, run.from, run.to);
    lines.push(
      run.state === 'kept'
        ? { promise: `${what}, ${dates}`, outcome: { state: 'kept', text: run.count === 1 ? 'kept' : 'all kept' } }
        : { promise: `${what}, ${dates}`, outcome: { state: 'missed', text: run.count === 1 ? 'missed — not sent' : 'missed — none sent' } },
    );
    run = undefined;
  };
  for (const o of list) {
    const due = o.due!;
    if (!cameDue(o)) {
      close();
      lines.push({ promise: `${capitalised(name)} by ${when(zone, due)}`, outcome: now <= due ? NOT_YET_DUE : KEPT });
      continue;
    }
    const state = o.metAt !== undefined ? 'kept' : 'missed';
    if (run && run.state === state) {
      run.to = due;
      run.count++;
    } else {
      close();
      run = { state, from: due, to: due, count: 1 };
    }
  }
  close();
  return lines;
}

/** Whether the config reports the rule at all (`rules: { window: off }` drops it from the ledger too). */
function reported(config: Config, rule: string): boolean {
  return config.rules[rule] !== 'off';
}

export function promiseLedger(ctx: CadenceContext): PromiseLedger {
  const { zone, now, config } = ctx;
  const schedule = obligationsOf(ctx).filter((o) => reported(config, o.rule));
  const sections: LedgerSection[] = [];
  const add = (id: LedgerSection['id'], heading: string, lines: LedgerLine[]) => {
    if (lines.length) sections.push({ id, heading, lines });
  };

  add(
    'first-reply',
    'First reply',
    schedule.flatMap((o) =>
      o.rule === 'ack'
        ? [{ promise: `A first reply by ${when(zone, o.due)}`, outcome: outcomeOf(o, now, lateAt(o), 'missed — not sent'), entry: publishedAnchor(o.entry) }]
        : [],
    ),
  );

  add(
    'next-update',
    'Next update promised',
    schedule.flatMap((o) =>
      o.rule === 'next-update-late'
        ? [{ promise: `Next update by ${when(zone, o.due)}`, outcome: outcomeOf(o, now, lateAt(o), 'missed — not sent'), entry: publishedAnchor(o.entry) }]
        : [],
    ),
  );

  const regular: LedgerLine[] = [];
  const periods = new Map<string, ScheduledObligation[]>();
  for (const o of schedule) {
    if (o.rule !== 'window' && o.rule !== 'weekly') continue;
    const key = regularName(o);
    const list = periods.get(key);
    if (list) list.push(o);
    else periods.set(key, [o]);
  }
  for (const list of periods.values()) regular.push(...periodLines(list, zone, now));
  for (const o of schedule) {
    if (o.rule !== 'max-gap' || !cameDue(o)) continue;
    // Stretches kept in time are many and say little; each one overrun is listed.
    if (o.metAt !== undefined) continue;
    regular.push({
      promise: `An update within ${formatDuration(o.maxGap)} of ${when(zone, o.start)}`,
      outcome: outcomeOf(o, now, lateAt(o), 'missed — not sent'),
      entry: publishedAnchor(o.entry),
    });
  }
  const gapsKept = schedule.filter((o) => o.rule === 'max-gap' && o.metAt !== undefined).length;
  if (gapsKept > 0) {
    regular.push({ promise: `${plural(gapsKept, 'update')} within the time allowed since the one before`, outcome: { state: 'kept', text: gapsKept === 1 ? 'kept' : 'all kept' } });
  }
  add('regular-updates', 'Regular updates', regular);

  add(
    'commitments',
    'Commitments with a date',
    schedule.flatMap((o) => {
      if (o.rule !== 'commitment-overdue' && o.rule !== 'client-commitment-overdue') return [];
      const who = isClientCommitment(o.commitment) ? 'Client: ' : '';
      return [{ promise: `${who}${o.commitment.action}, by ${when(zone, o.due)}`, outcome: outcomeOf(o, now, lateAt(o), 'missed — not done') }];
    }),
  );

  add(
    'resolution',
    'Resolution notice',
    schedule.flatMap((o) =>
      o.rule === 'resolution-notice'
        ? [{ promise: `The client told of the resolution (${when(zone, o.resolvedAt)})`, outcome: o.metAt !== undefined ? KEPT : { state: 'missed' as const, text: 'missed — not sent' } }]
        : [],
    ),
  );

  return { sections };
}
