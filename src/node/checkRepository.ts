// `commlog check` over a repository on disk: read each incident folder, check it with the
// core, keep only summaries and findings (the parsed incidents are dropped as we go).
import { checkIncident, totalsOf, type CheckTotals, type IncidentSummary } from '../core/check.ts';
import type { Config } from '../core/config/config.ts';
import { compareFindings, type Finding } from '../core/findings.ts';
import { listIncidentIds, readConfig, readIncidentFiles, UsageError } from './repository.ts';

export interface CheckOptions {
  root: string;
  now: number;
  /** Only these incidents (ids as folder names); all when absent. */
  ids?: readonly string[];
  config?: Config;
}

export interface RepositoryCheck {
  now: number;
  config: Config;
  summaries: IncidentSummary[];
  findings: Finding[];
  totals: CheckTotals;
}

export function checkRepository(options: CheckOptions): RepositoryCheck {
  const config = options.config ?? readConfig(options.root);
  const allIds = listIncidentIds(options.root);
  const knownIds = new Set(allIds);
  const ids = options.ids ?? allIds;
  for (const id of ids) {
    if (!knownIds.has(id)) throw new UsageError(`unknown incident "${id}": no folder incidents/${id}`);
  }
  const context = { config, now: options.now, knownIds };
  const summaries: IncidentSummary[] = [];
  const findings: Finding[] = [];
  for (const id of ids) {
    const result = checkIncident(readIncidentFiles(options.root, id), context);
    summaries.push(result.summary);
    for (const f of result.findings) findings.push(f);
  }
  findings.sort(compareFindings);
  return { now: options.now, config, summaries, findings, totals: totalsOf(summaries) };
}
