// Every valid incident of a repository on disk, parsed, for commands that work on incidents
// rather than on findings (`remind`, the pull request comment). Invalid ones are skipped:
// reporting them is `check`'s job.
import type { Config } from '../core/config/config.ts';
import { loadIncident } from '../core/load/loadIncident.ts';
import type { Incident } from '../core/model.ts';
import { listIncidentIds, readIncidentFiles } from './repository.ts';

export interface LoadedIncidents {
  incidents: Incident[];
  /** Ids whose incident.md is not valid: unknown status, so callers leave them alone. */
  invalid: string[];
}

export function loadValidIncidents(root: string, config: Config, now: number, ids?: readonly string[]): LoadedIncidents {
  const allIds = listIncidentIds(root);
  const knownIds = new Set(allIds);
  const incidents: Incident[] = [];
  const invalid: string[] = [];
  for (const id of ids ?? allIds) {
    if (!knownIds.has(id)) continue;
    const { incident } = loadIncident(readIncidentFiles(root, id), { config, now, knownIds });
    if (incident) incidents.push(incident);
    else invalid.push(id);
  }
  return { incidents, invalid };
}
