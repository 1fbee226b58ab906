// What an incident page opens with, for the reader it is published to: where the incident
// stands, how long it has been open, the last update to the client, the next update owed and
// whether it is on time, the commitments still due, and for a resolved incident its impact and
// root cause in one line each (from the report digest). Everything is read from the core's
// obligation schedule, as the promise ledger is: nothing is judged twice.
import { isClientCommitment } from '../core/cadence/commitments.ts';
import type { CadenceContext } from '../core/cadence/context.ts';
import type { Incident } from '../core/model.ts';
import { obligationsOf, type ScheduledObligation } from '../core/obligations/schedule.ts';
import { formatDuration } from '../core/present/duration.ts';
import { entryAnchor, when, type Outcome } from './promiseLedger.ts';
import type { ReportDigest } from './reportDigest.ts';

export interface SummaryItem {
  /** `Mon 14 Sep 09:45 BST` */
  at: string;
  /** Whether it is on time, or how it went. */
  outcome?: Outcome;
  /** Anchor of the published entry it refers to. */
  entry?: string;
}

export interface ReaderSummary {
  status: Incident['status'];
  /** "open for 3d4h", "resolved after 24h38m" */
  age: string;
  /** The last update to the client (none before the first). */
  lastUpdate?: SummaryItem & { ago?: string };
  /** For an unresolved incident: the next update, promised or owed by the policy. */
  nextUpdate?: SummaryItem & { promised: boolean };
  /** Dated commitments not yet done: ours and the client's. */
  commitmentsDue: (SummaryItem & { action: string; byClient: boolean })[];
  /** One line each, from the report, once the incident is resolved. */
  impact?: string;
  rootCause?: string;
}

/** The first sentence of a plain text, or its opening cut at a word. */
export function oneLine(text: string, length = 180): string {
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  const line = sentence.length <= length ? sentence : `${sentence.slice(0, length).replace(/\s+\S*$/, '')}…`;
  return line;
}

function dueOutcome(o: ScheduledObligation, now: number): Outcome {
  const due = o.due!;
  return now <= due
    ? { state: 'not-yet-due', text: `on time: due in ${formatDuration(due - now)}` }
    : { state: 'missed', text: `${formatDuration(now - due)} overdue` };
}

export function readerSummary(ctx: CadenceContext, digest: ReportDigest | undefined): ReaderSummary {
  const { incident, zone, now } = ctx;
  const resolved = incident.resolvedAt !== undefined;
  const schedule = obligationsOf(ctx);
  const updates = ctx.updates.filter((u) => u.at <= now);
  const last = updates.at(-1);
  const anchorOf = (e: { name: string; internal: boolean }) => (e.internal || !e.name ? undefined : entryAnchor(e.name));

  let nextUpdate: ReaderSummary['nextUpdate'];
  if (!resolved) {
    // The promise of the last update first; without one, the earliest regular update owed.
    const promise = schedule.filter((o) => o.rule === 'next-update-late' && o.open).at(-1);
    const regular = schedule
      .filter((o) => (o.rule === 'max-gap' || o.rule === 'window' || o.rule === 'weekly') && o.open && Number.isFinite(o.due))
      .sort((a, b) => a.due! - b.due!)[0];
    const next = promise ?? regular;
    if (next) nextUpdate = { at: when(zone, next.due!), outcome: dueOutcome(next, now), promised: next === promise };
  }

  const commitmentsDue: ReaderSummary['commitmentsDue'] = [];
  for (const o of schedule) {
    if ((o.rule !== 'commitment-overdue' && o.rule !== 'client-commitment-overdue') || o.doneAt !== undefined) continue;
    // Once resolved, a page must read the same at every later Now (the build cache reuses it).
    const outcome: Outcome = resolved && now > o.due! ? { state: 'missed', text: 'not done' } : dueOutcome(o, now);
    commitmentsDue.push({ action: o.commitment.action, byClient: isClientCommitment(o.commitment), at: when(zone, o.due), outcome });
  }

  return {
    status: incident.status,
    age: resolved ? `resolved after ${formatDuration(incident.resolvedAt! - incident.openedAt)}` : `open for ${formatDuration(now - incident.openedAt)}`,
    lastUpdate: last && { at: when(zone, last.at), ago: resolved ? undefined : `${formatDuration(now - last.at)} ago`, entry: anchorOf(last) },
    nextUpdate,
    commitmentsDue,
    impact: resolved && digest?.impact ? oneLine(digest.impact) : undefined,
    rootCause: resolved && digest?.rootCause ? oneLine(digest.rootCause) : undefined,
  };
}
