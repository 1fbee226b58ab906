// commitment-overdue: something we promised is past its due time and not done (rules.md).
import { cadenceContext } from '../cadence/context.ts';
import { overdueCommitments } from '../cadence/commitments.ts';
import { defineRule } from './rule.ts';

export const commitmentOverdue = defineRule({
  id: 'commitment-overdue',
  family: 'compliance',
  severity: 'warning',
  summary: 'something we promised is past its due time and not done',
  dueLabel: 'commitment due',
  docs: 'A commitment of ours (any owner but `client`) has a `due` time that has passed, and no entry from the one that made it on lists its id in `done` at or before it. Commitments outlive resolution. Do it and log an entry with its id in `done`.',
  run: (incident, context) => overdueCommitments(cadenceContext(incident, context), 'us'),
});
