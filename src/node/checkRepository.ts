// `commlog check` over a repository on disk: read each incident folder, check it with the
// core, keep only summaries and findings (the parsed incidents are dropped as we go).
import { checkIncident, totalsOf, type CheckTotals, type IncidentSummary } from '../core/check.ts';
import type { Config } from '../core/config/config.ts';
import { applySeverities, compareFindings, type Finding } from '../core/findings.ts';
import { logImmutable } from '../core/rules/logImmutable.ts';
import { changesSince } from './gitChanges.ts';
import { listIncidentIds, readConfig, readIncidentFiles, UsageError } from './repository.ts';

export interface CheckOptions {
  root: string;
  now: number;
  /** Only these incidents (ids as folder names); all when absent. */
  ids?: readonly string[];
  config?: Config;
  /** `--since REF`: only incidents changed since REF, plus log-immutable against it. */
  since?: string;
}

export interface RepositoryCheck {
  now: number;
  config: Config;
  summaries: IncidentSummary[];
  findings: Finding[];
  totals: CheckTotals;
}

export async function checkRepository(options: CheckOptions): Promise<RepositoryCheck> {
  const config = options.config ?? readConfig(options.root);
  const allIds = listIncidentIds(options.root);
  const knownIds = new Set(allIds);
  for (const id of options.ids ?? []) {
    if (!knownIds.has(id)) throw new UsageError(`unknown incident "${id}": no folder incidents/${id}`);
  }
  let ids = options.ids ?? allIds;
  const findings: Finding[] = [];
  const repositoryFindings: Finding[] = [];
  if (options.since !== undefined) {
    const changed = await changesSince(options.root, options.since);
    ids = ids.filter((id) => changed.incidentIds.has(id));
    for (const f of logImmutable(changed.changes, options.since)) repositoryFindings.push(...applySeverities(f.incident, [f], config.rules));
  }
  const context = { config, now: options.now, knownIds };
  const summaries: IncidentSummary[] = [];
  for (const id of ids) {
    const result = checkIncident(readIncidentFiles(options.root, id), context);
    summaries.push(result.summary);
    for (const f of result.findings) findings.push(f);
  }
  for (const f of repositoryFindings) {
    findings.push(f);
    const summary = summaries.find((s) => s.id === f.incident);
    if (summary) summary[f.severity === 'error' ? 'errors' : 'warnings']++;
  }
  findings.sort(compareFindings);
  return { now: options.now, config, summaries, findings, totals: totalsOf(summaries, findings) };
}
