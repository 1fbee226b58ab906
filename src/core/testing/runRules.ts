// Runs compliance rules on a built incident the way the checker does, for tests.
import { parseConfig, type Config } from '../config/config.ts';
import type { RuleFinding } from '../findings.ts';
import type { Incident } from '../model.ts';
import { complianceRules } from '../rules/compliance.ts';
import type { Rule } from '../rules/rule.ts';

export const defaultConfig: Config = parseConfig(undefined);

/** Findings of every compliance rule, in a stable order (due, file, line, rule). */
export function runCompliance(incident: Incident, now: number, config: Config = defaultConfig): RuleFinding[] {
  const found = Object.values(complianceRules).flatMap((rule: Rule) => rule(incident, { config, now }));
  return found.sort(
    (a, b) =>
      (a.due ?? Infinity) - (b.due ?? Infinity) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}
