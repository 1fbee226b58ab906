// The compliance rules of rules.md, by id, for the checker to run (it applies severities and sorts).
import type { RuleId } from '../findings.ts';
import { ack } from './ack.ts';
import { ccPm } from './ccPm.ts';
import { clientCommitmentOverdue } from './clientCommitmentOverdue.ts';
import { commitmentOverdue } from './commitmentOverdue.ts';
import { maxGap } from './maxGap.ts';
import { nextUpdateLate } from './nextUpdateLate.ts';
import { nextUpdateMissing } from './nextUpdateMissing.ts';
import { resolutionNotice } from './resolutionNotice.ts';
import type { Rule } from './rule.ts';
import { weekly } from './weekly.ts';
import { updateWindow } from './window.ts';

export const complianceRules = {
  ack,
  'max-gap': maxGap,
  window: updateWindow,
  weekly,
  'next-update-missing': nextUpdateMissing,
  'next-update-late': nextUpdateLate,
  'resolution-notice': resolutionNotice,
  'cc-pm': ccPm,
  'commitment-overdue': commitmentOverdue,
  'client-commitment-overdue': clientCommitmentOverdue,
} as const satisfies Partial<Record<RuleId, Rule>>;
