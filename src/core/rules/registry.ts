// The one list of rules. RULES (findings.ts), the checker's rules, the families, the site's due
// labels and docs/rules.md all derive from it; registry.test.ts fails when a rule module in
// this folder is missing here. The order is the order of rules.md and of docs/rules.md.
import { ack } from './ack.ts';
import { ccPm } from './ccPm.ts';
import { clientCommitmentOverdue } from './clientCommitmentOverdue.ts';
import { commitmentOverdue } from './commitmentOverdue.ts';
import { lateLog } from './lateLog.ts';
import { logImmutableRule } from './logImmutable.ts';
import { maxGap } from './maxGap.ts';
import { nextUpdateLate } from './nextUpdateLate.ts';
import { nextUpdateMissing } from './nextUpdateMissing.ts';
import { priorityTriage } from './priorityTriage.ts';
import { reportBlame } from './reportBlame.ts';
import { reportEmpty } from './reportEmpty.ts';
import { reportHeading } from './reportHeading.ts';
import { reportMissing } from './reportMissing.ts';
import { reportSeverity } from './reportSeverity.ts';
import { reportSeverityMismatch } from './reportSeverityMismatch.ts';
import { reportShared } from './reportShared.ts';
import { reportTimeline } from './reportTimeline.ts';
import { resolutionNotice } from './resolutionNotice.ts';
import type { RunnableRule } from './rule.ts';
import { schema } from './schema.ts';
import { weekly } from './weekly.ts';
import { updateWindow } from './window.ts';
import { wording } from './wording.ts';

export const RULE_DEFINITIONS = [
  schema,
  reportMissing,
  reportHeading,
  reportEmpty,
  reportSeverity,
  reportSeverityMismatch,
  reportTimeline,
  logImmutableRule,
  ack,
  maxGap,
  updateWindow,
  weekly,
  nextUpdateMissing,
  nextUpdateLate,
  resolutionNotice,
  ccPm,
  commitmentOverdue,
  clientCommitmentOverdue,
  priorityTriage,
  wording,
  reportBlame,
  lateLog,
  reportShared,
] as const;

export type RuleId = (typeof RULE_DEFINITIONS)[number]['id'];

/** Every rule by id: family, default severity, summary, due label, docs. */
export const RULES = Object.fromEntries(RULE_DEFINITIONS.map((r) => [r.id, r])) as {
  readonly [Definition in (typeof RULE_DEFINITIONS)[number] as Definition['id']]: Definition;
};

export const RULE_IDS: readonly RuleId[] = RULE_DEFINITIONS.map((r) => r.id);

/** The rules the checker runs on a loaded incident, in registry order. */
export const INCIDENT_RULES: readonly RunnableRule<RuleId>[] = RULE_DEFINITIONS.filter((r): r is Extract<(typeof RULE_DEFINITIONS)[number], RunnableRule> => r.run !== undefined);

/** The compliance rules (the site's figures, the weekly digest, reminders). */
export const COMPLIANCE_RULES: readonly RunnableRule<RuleId>[] = INCIDENT_RULES.filter((r) => r.family === 'compliance');

/** The validity rules about report.md. */
export const REPORT_RULES: readonly RunnableRule<RuleId>[] = INCIDENT_RULES.filter((r) => r.family === 'validity' && r.id.startsWith('report-'));
