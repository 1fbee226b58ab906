// Commitments and whether they were kept: a commitment with due D is fulfilled when the entry
// that made it, or a later one in log order, lists its id in `done` with `at ≤ D` (rules.md).
import type { RuleFinding } from '../findings.ts';
import type { Commitment, LogEntry } from '../model.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import type { CadenceContext } from './context.ts';
import { dayAndTime, near } from './describe.ts';

export interface CommitmentState {
  commitment: Commitment;
  /** `at` of the first entry (from the one that made it on) that lists it in `done`. */
  doneAt?: number;
}

export function commitmentStates(entries: readonly LogEntry[]): CommitmentState[] {
  const states: CommitmentState[] = [];
  const open = new Map<string, CommitmentState[]>();
  for (const entry of entries) {
    for (const commitment of entry.commitments) {
      const state: CommitmentState = { commitment };
      states.push(state);
      open.set(commitment.id, [...(open.get(commitment.id) ?? []), state]);
    }
    for (const id of entry.done) {
      for (const state of open.get(id) ?? []) state.doneAt ??= entry.at;
    }
  }
  return states;
}

export function isClientCommitment(commitment: Commitment): boolean {
  return commitment.owner.trim().toLowerCase() === 'client';
}

/** Findings of commitment-overdue (ours) or client-commitment-overdue (the client's). */
export function overdueCommitments(ctx: CadenceContext, owner: 'us' | 'client'): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const { commitment, doneAt } of commitmentStates(ctx.entries)) {
    const due = commitment.due;
    if (due === undefined || ctx.now <= due || isClientCommitment(commitment) !== (owner === 'client')) continue;
    if (doneAt !== undefined && doneAt <= due) continue;
    const what = `"${commitment.id}" (${commitment.action}${owner === 'us' && commitment.owner !== 'us' ? `, owner ${commitment.owner}` : ''})`;
    const dueBy = `${dayAndTime(ctx.zone, due)} ${zoneAbbreviation(ctx.zone, due)}`;
    const late = doneAt === undefined ? 'and is not done' : `but was done only at ${near(ctx.zone, doneAt, due)}`;
    const todo = doneAt !== undefined ? '' : owner === 'client' ? ': follow it up with the client' : ': do it and log an entry with it in done';
    const whose = owner === 'client' ? "The client's commitment" : 'Commitment';
    findings.push({
      rule: owner === 'client' ? 'client-commitment-overdue' : 'commitment-overdue',
      file: commitment.file,
      line: commitment.line ?? 1,
      message: `${whose} ${what} was due by ${dueBy} ${late}${todo}`,
      due,
      commitment: commitment.id,
    });
  }
  return findings;
}
