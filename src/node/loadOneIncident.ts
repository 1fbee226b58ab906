// The one incident a writing command works on, loaded as `check` loads it. An unknown id or an
// incident.md the loader refuses is a usage problem: the command cannot build on it.
import type { Config } from '../core/config/config.ts';
import { loadIncident } from '../core/load/loadIncident.ts';
import type { Incident } from '../core/model.ts';
import { listIncidentIds, readIncidentFiles } from './repository.ts';
import { RepositoryError } from './repositoryError.ts';

export function loadOneIncident(root: string, id: string, config: Config, now: number): Incident {
  const ids = listIncidentIds(root);
  if (!ids.includes(id)) throw new RepositoryError(`unknown incident "${id}": no folder incidents/${id}`);
  const { incident, findings } = loadIncident(readIncidentFiles(root, id), { config, now, knownIds: new Set(ids) });
  if (!incident) {
    const first = findings.find((f) => f.file.endsWith('incident.md'));
    throw new RepositoryError(`incidents/${id}/incident.md is not valid${first ? ` (${first.message})` : ''}: fix it first (commlog check ${id})`);
  }
  return incident;
}
