// client-commitment-overdue: something the client promised is past due; a follow-up is needed (rules.md).
import { cadenceContext } from '../cadence/context.ts';
import { overdueCommitments } from '../cadence/commitments.ts';
import type { Rule } from './rule.ts';

export const clientCommitmentOverdue: Rule = (incident, context) => overdueCommitments(cadenceContext(incident, context), 'client');
