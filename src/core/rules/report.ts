// The report validity rules of rules.md, by id, for the checker to run.
import type { RuleId } from '../findings.ts';
import { reportEmpty } from './reportEmpty.ts';
import { reportHeading } from './reportHeading.ts';
import { reportMissing } from './reportMissing.ts';
import { reportSeverity } from './reportSeverity.ts';
import { reportSeverityMismatch } from './reportSeverityMismatch.ts';
import { reportTimeline } from './reportTimeline.ts';
import type { Rule } from './rule.ts';

export const reportRules = {
  'report-missing': reportMissing,
  'report-heading': reportHeading,
  'report-empty': reportEmpty,
  'report-severity': reportSeverity,
  'report-severity-mismatch': reportSeverityMismatch,
  'report-timeline': reportTimeline,
} as const satisfies Partial<Record<RuleId, Rule>>;
