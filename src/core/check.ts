// The checker: one incident folder in, its findings and summary out. Pure: adapters read the
// files (src/node) and format the results (src/cli).
import { applySeverities, compareFindings, type Finding } from './findings.ts';
import { loadIncident, type LoadContext } from './load/loadIncident.ts';
import type { Incident, IncidentFiles } from './model.ts';
import { cadenceContext } from './cadence/context.ts';
import { INCIDENT_RULES } from './rules/registry.ts';
import type { RuleContext } from './rules/rule.ts';
import type { Priority, Status } from './schema/values.ts';

export interface IncidentSummary {
  id: string;
  /** The incident's zone (the config's when incident.md cannot be read): times are shown in it. */
  zone: string;
  /** Absent when incident.md could not be read. */
  status?: Status;
  /** Priority in force at End (resolved_at, else Now), as cli.md says; incident.md's `priority` is the one at opening. */
  priority?: Priority;
  /** The project manager's address, copied on written updates; absent when unknown. */
  pmEmail?: string;
  entries: number;
  errors: number;
  warnings: number;
}

export interface IncidentCheck {
  summary: IncidentSummary;
  /** Sorted as cli.md says. */
  findings: Finding[];
  incident?: Incident;
}

export type CheckContext = LoadContext & Pick<RuleContext, 'logHistory'>;

export function checkIncident(files: IncidentFiles, context: CheckContext): IncidentCheck {
  const loaded = loadIncident(files, context);
  const found = [...loaded.findings];
  const { incident } = loaded;
  if (incident) {
    for (const rule of INCIDENT_RULES) found.push(...rule.run(incident, context));
  }
  const zone = incident?.zone ?? context.config.timezone;
  const findings = applySeverities(files.id, found, context.config.rules, zone).sort(compareFindings);
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return {
    summary: {
      id: files.id,
      zone,
      status: incident?.status,
      priority: incident ? cadenceContext(incident, context).priorityInForce : undefined,
      ...(incident?.pm.email === undefined ? {} : { pmEmail: incident.pm.email }),
      entries: loaded.entryCount,
      errors,
      warnings: findings.length - errors,
    },
    findings,
    incident,
  };
}

export interface CheckTotals {
  incidents: number;
  entries: number;
  errors: number;
  warnings: number;
}

export function totalsOf(summaries: readonly IncidentSummary[], findings: readonly Finding[]): CheckTotals {
  const totals = { incidents: summaries.length, entries: 0, errors: 0, warnings: 0 };
  for (const s of summaries) totals.entries += s.entries;
  for (const f of findings) totals[f.severity === 'error' ? 'errors' : 'warnings']++;
  return totals;
}
