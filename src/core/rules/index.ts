// Every rule the checker runs on a loaded incident (schema findings come from loading,
// log-immutable from `--since`).
import { complianceRules } from './compliance.ts';
import { reportRules } from './report.ts';
import type { Rule } from './rule.ts';

export const ALL_RULES: readonly Rule[] = [...Object.values(reportRules), ...Object.values(complianceRules)];
