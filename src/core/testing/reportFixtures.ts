// Test support for the report rules (reads files, so tests only): a closed incident carrying a
// fixture's report.md, loaded as the loader loads it, and the report rules run on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import type { RuleFinding } from '../findings.ts';
import { loadReport } from '../load/loadReport.ts';
import type { Incident } from '../model.ts';
import type { ReportDocument } from '../report/reportDocument.ts';
import type { Severity, Status } from '../schema/values.ts';
import { buildIncident } from './incidentBuilder.ts';
import { defaultConfig } from './runRules.ts';
import { REPORT_RULES } from '../rules/registry.ts';

const FIXTURES = join(import.meta.dirname, '../rules/fixtures');

/** A report from text, as the loader reads report.md; fails the test on any schema finding. */
export function reportFromText(text: string, path = 'incidents/test-incident/report.md'): ReportDocument {
  const findings: RuleFinding[] = [];
  const report = loadReport({ path, text }, findings);
  if (!report || findings.length > 0) throw new Error(`fixture ${path} does not load: ${JSON.stringify(findings)}`);
  return report;
}

/** `fixtures/<rule>/<case>/report.md`, e.g. `report-empty/empty-tbd-only`. */
export function fixtureReport(fixture: string): ReportDocument {
  return reportFromText(readFileSync(join(FIXTURES, fixture, 'report.md'), 'utf8'));
}

export interface IncidentOptions {
  status?: Status;
  /** incident.md's `severity`. */
  severity?: Severity;
}

export function incidentWith(report: ReportDocument | undefined, options: IncidentOptions = {}): Incident {
  const status = options.status ?? 'closed';
  const incident = buildIncident({ opened: '2026-11-02 09:05', priority: 'high', status, resolved: status === 'open' ? undefined : '2026-11-02 11:40' })
    .out('09:12')
    .build();
  return { ...incident, severity: options.severity, report };
}

/** Every report rule's findings, in the order of the rules. */
export function runReportRules(incident: Incident, config: Config = defaultConfig): RuleFinding[] {
  return REPORT_RULES.flatMap((rule) => rule.run(incident, { config, now: Date.parse('2026-11-20T18:00:00Z') }));
}

/** The findings for a fixture's report on a closed incident. */
export function fixtureFindings(fixture: string, options: IncidentOptions = {}, config?: Config): RuleFinding[] {
  return runReportRules(incidentWith(fixtureReport(fixture), options), config);
}
