// Every rule the checker runs on a loaded incident (schema findings come from loading).
import type { Rule } from './rule.ts';

export const ALL_RULES: readonly Rule[] = [];
