// The compact index the archive page's script filters and sorts in the browser: one array per
// incident, names stored once in dictionaries. About 100 bytes per incident before gzip.
import { PRIORITIES, SEVERITIES, STATUSES } from '../core/schema/values.ts';
import type { ArchiveIncident } from './archive.ts';
import type { ArchiveIndex, IndexRow } from './archiveRows.ts';

export { ROW, type ArchiveIndex, type IndexRow } from './archiveRows.ts';

const minutes = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms / 60_000));

export function buildArchiveIndex(incidents: readonly ArchiveIncident[], localDate: (i: ArchiveIncident) => string): ArchiveIndex {
  const clients = new Map<string, number>();
  const clientList: [string, string][] = [];
  const categories = new Map<string, number>();
  const categoryList: string[] = [];
  const rows: IndexRow[] = incidents.map((i) => {
    let c = clients.get(i.client);
    if (c === undefined) {
      c = clientList.push([i.client, i.clientSlug]) - 1;
      clients.set(i.client, c);
    }
    let k = -1;
    if (i.category !== undefined) {
      k = categories.get(i.category) ?? -1;
      if (k < 0) {
        k = categoryList.push(i.category) - 1;
        categories.set(i.category, k);
      }
    }
    return [
      i.id,
      i.title,
      c,
      k,
      localDate(i),
      Math.round(i.openedAt / 60_000),
      PRIORITIES.indexOf(i.priority),
      i.severity === undefined ? -1 : SEVERITIES.indexOf(i.severity),
      STATUSES.indexOf(i.status),
      minutes(i.timeToAcknowledge),
      minutes(i.timeToResolve),
      i.obligationsDue === 0 ? null : Math.round((i.obligationsMet / i.obligationsDue) * 100),
    ];
  });
  return { clients: clientList, categories: categoryList, priorities: PRIORITIES, severities: SEVERITIES, statuses: STATUSES, rows };
}
