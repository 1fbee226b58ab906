// Every rule the checker runs on a loaded incident (schema findings come from loading,
// log-immutable from `--since`).
import { complianceRules } from './compliance.ts';
import type { Rule } from './rule.ts';

export const ALL_RULES: readonly Rule[] = [...Object.values(complianceRules)];
