// Runs compliance rules on a built incident the way the checker does, for tests.
import { parseConfig, type Config } from '../config/config.ts';
import type { RuleFinding } from '../findings.ts';
import type { Incident } from '../model.ts';
import { COMPLIANCE_RULES } from '../rules/registry.ts';

export const defaultConfig: Config = parseConfig(undefined);

/** Findings of every compliance rule, in a stable order (due, file, line, rule). */
export function runCompliance(incident: Incident, now: number, config: Config = defaultConfig): RuleFinding[] {
  const found = COMPLIANCE_RULES.flatMap((rule) => rule.run(incident, { config, now }));
  return found.sort(
    (a, b) =>
      (a.due ?? Infinity) - (b.due ?? Infinity) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}
