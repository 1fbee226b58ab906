// commitment-overdue: something we promised is past its due time and not done (rules.md).
import { dayAndTime, near } from '../cadence/describe.ts';
import type { FindingDetail } from '../findings.ts';
import { findingsOfMissed, type ObligationOf } from './missedObligations.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import { defineRule } from './rule.ts';

export const commitmentOverdue = defineRule({
  id: 'commitment-overdue',
  family: 'compliance',
  severity: 'warning',
  summary: 'something we promised is past its due time and not done',
  dueLabel: 'commitment due',
  docs: 'A commitment of ours (any owner but `client`) has a `due` time that has passed, and no entry from the one that made it on lists its id in `done` at or before it. Commitments outlive resolution. Do it and log an entry with its id in `done`.',
  run: findingsOfMissed('commitment-overdue', (missed, { zone }) => overdueCommitment(missed, zone)),
});

/** A missed commitment of ours, or of the client's (`client-commitment-overdue`), as a finding. */
export function overdueCommitment({ rule, commitment, doneAt, due }: ObligationOf<'commitment-overdue' | 'client-commitment-overdue'>, zone: string): FindingDetail {
  const theirs = rule === 'client-commitment-overdue';
  const what = `"${commitment.id}" (${commitment.action}${!theirs && commitment.owner !== 'us' ? `, owner ${commitment.owner}` : ''})`;
  const dueBy = `${dayAndTime(zone, due)} ${zoneAbbreviation(zone, due)}`;
  const late = doneAt === undefined ? 'and is not done' : `but was done only at ${near(zone, doneAt, due)}`;
  const todo = doneAt !== undefined ? '' : theirs ? ': follow it up with the client' : ': do it and log an entry with it in done';
  const whose = theirs ? "The client's commitment" : 'Commitment';
  return { file: commitment.file, line: commitment.line ?? 1, message: `${whose} ${what} was due by ${dueBy} ${late}${todo}`, due, commitment: commitment.id };
}
