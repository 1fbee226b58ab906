// Diagnostics are data: rules emit findings, renderers format them late (text, JSON,
// GitHub annotations, the PR comment, the site).

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** Every rule of ../shared/spec/rules.md with its family and default severity. */
export const RULES = {
  schema: { family: 'validity', severity: 'error', summary: 'a file cannot be read, its frontmatter is not YAML, or a field is missing or wrong' },
  'report-missing': { family: 'validity', severity: 'error', summary: 'a closed incident has no report.md' },
  'report-heading': { family: 'validity', severity: 'error', summary: 'a required report heading is missing' },
  'report-empty': { family: 'validity', severity: 'error', summary: 'a required section has no real content' },
  'report-severity': { family: 'validity', severity: 'error', summary: 'the Severity section does not start with critical, high, medium or low' },
  'report-severity-mismatch': { family: 'validity', severity: 'warning', summary: 'report severity differs from severity in incident.md' },
  'report-timeline': { family: 'validity', severity: 'warning', summary: 'the Timeline section has no time of day (HH:MM) in it' },
  'log-immutable': { family: 'validity', severity: 'error', summary: 'an entry present at the base commit was edited, renamed or deleted' },
  ack: { family: 'compliance', severity: 'warning', summary: 'the first reply came later than acknowledge_within' },
  'max-gap': { family: 'compliance', severity: 'warning', summary: "a gap between updates exceeded the priority's max_gap" },
  window: { family: 'compliance', severity: 'warning', summary: 'a daily update window passed with no update' },
  weekly: { family: 'compliance', severity: 'warning', summary: 'a week passed with no update' },
  'next-update-missing': { family: 'compliance', severity: 'warning', summary: 'an update did not tell the client when the next one comes' },
  'next-update-late': { family: 'compliance', severity: 'warning', summary: 'the promised next update did not come in time' },
  'resolution-notice': { family: 'compliance', severity: 'warning', summary: 'the incident was resolved but the client was never told' },
  'cc-pm': { family: 'compliance', severity: 'warning', summary: 'a written update did not copy the project manager' },
  'commitment-overdue': { family: 'compliance', severity: 'warning', summary: 'something we promised is past its due time and not done' },
  'client-commitment-overdue': { family: 'compliance', severity: 'warning', summary: 'something the client promised is past due' },
} as const satisfies Record<string, { family: 'validity' | 'compliance'; severity: Severity; summary: string }>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/**
 * What a rule reports. `severity` is only set where a rule's findings differ from its default
 * (schema warnings); the configured severity is applied afterwards by `applySeverities`.
 */
export interface RuleFinding {
  rule: RuleId;
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

export interface Finding extends RuleFinding {
  severity: Severity;
  incident: string;
  /** The incident's IANA zone (the config's when incident.md cannot be read): `due` is shown in it. */
  zone: string;
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
    out.push({ ...f, incident, zone, severity: setting });
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
