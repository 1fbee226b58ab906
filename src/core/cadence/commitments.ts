// Commitments and whether they were kept: a commitment with due D is fulfilled when the entry
// that made it, or a later one in log order, lists its id in `done` with `at ≤ D` (rules.md).
import type { Commitment, LogEntry } from '../model.ts';

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
