// commitment-overdue: something we promised is past its due time and not done (rules.md).
import { cadenceContext } from '../cadence/context.ts';
import { overdueCommitments } from '../cadence/commitments.ts';
import type { Rule } from './rule.ts';

export const commitmentOverdue: Rule = (incident, context) => overdueCommitments(cadenceContext(incident, context), 'us');
