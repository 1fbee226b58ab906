// Diagnostics are data: rules emit findings, renderers format them late (text, JSON,
// GitHub annotations, the PR comment, the site). The rules themselves: rules/registry.ts.
import { RULES, type RuleId } from './rules/registry.ts';

export { RULES, RULE_IDS, type RuleId } from './rules/registry.ts';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/**
 * What a rule reports, before its id is stamped on (rules/rule.ts). `severity` is only set
 * where a rule's findings differ from its default (schema warnings); the configured severity
 * is applied afterwards by `applySeverities`.
 */
export interface FindingDetail {
  /** Path relative to the repository root, `/`-separated. */
  file: string;
  /** 1-based line, where known. */
  line?: number;
  /** What is wrong, where, what was expected, what to do. */
  message: string;
  /** Epoch milliseconds by which something should have happened (time rules only). */
  due?: number;
  /** The update window's name (`window` findings). */
  window?: string;
  /** The commitment's id (commitment rules). */
  commitment?: string;
  severity?: Severity;
}

export interface RuleFinding extends FindingDetail {
  rule: RuleId;
}

export interface Finding extends RuleFinding {
  severity: Severity;
  incident: string;
  /** The incident's IANA zone (the config's when incident.md cannot be read): `due` is shown in it. */
  zone: string;
  /** The rule's section of docs/rules.md (relative to the commlog repository). */
  docs: string;
}

/**
 * Resolves each finding's severity from the config (`rules:`), dropping `off` ones.
 * A configured severity replaces the rule's default for all its findings.
 */
export function applySeverities(
  incident: string,
  found: readonly RuleFinding[],
  overrides: Partial<Record<RuleId, SeveritySetting>>,
  zone: string,
): Finding[] {
  const out: Finding[] = [];
  for (const f of found) {
    const setting = overrides[f.rule] ?? f.severity ?? RULES[f.rule].severity;
    if (setting === 'off') continue;
    out.push({ ...f, incident, zone, severity: setting, docs: RULES[f.rule].docsUrl });
  }
  return out;
}

/** Sort order of cli.md: incident id, then due (findings without one last), then file and line. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.incident !== b.incident) return a.incident < b.incident ? -1 : 1;
  const ad = a.due ?? Infinity;
  const bd = b.due ?? Infinity;
  if (ad !== bd) return ad < bd ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if ((a.line ?? 0) !== (b.line ?? 0)) return (a.line ?? 0) - (b.line ?? 0);
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
