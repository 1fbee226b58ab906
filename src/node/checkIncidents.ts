import { checkIncident, type IncidentSummary } from '../core/check.ts';
import type { Config } from '../core/config/config.ts';
import type { Finding } from '../core/findings.ts';
import { readIncidentFiles } from './repository.ts';

/** One share of a check: plain data, so it can be sent to a worker thread. */
export interface IncidentsToCheck {
  root: string;
  now: number;
  config: Config;
  ids: readonly string[];
  knownIds: readonly string[];
}

export interface CheckedIncidents {
  summaries: IncidentSummary[];
  findings: Finding[];
}

export function checkIncidents(job: IncidentsToCheck): CheckedIncidents {
  const context = { config: job.config, now: job.now, knownIds: new Set(job.knownIds) };
  const summaries: IncidentSummary[] = [];
  const findings: Finding[] = [];
  for (const id of job.ids) {
    const result = checkIncident(readIncidentFiles(job.root, id), context);
    summaries.push(result.summary);
    for (const f of result.findings) findings.push(f);
  }
  return { summaries, findings };
}
