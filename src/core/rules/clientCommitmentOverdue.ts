// client-commitment-overdue: something the client promised is past due; a follow-up is needed (rules.md).
import { overdueCommitment } from './commitmentOverdue.ts';
import { findingsOfMissed } from './missedObligations.ts';
import { defineRule } from './rule.ts';

export const clientCommitmentOverdue = defineRule({
  id: 'client-commitment-overdue',
  family: 'compliance',
  severity: 'warning',
  summary: 'something the client promised is past due',
  dueLabel: 'client commitment due',
  docs: 'A commitment with `owner: client` is past its `due` time and not done: follow it up with the client.',
  run: findingsOfMissed('client-commitment-overdue', (missed, { zone }) => overdueCommitment(missed, zone)),
});
