// A row of the archive table as text: what the server renders (IncidentRows.astro), what a
// search result carries (searchRecords.ts) and what the script builds from the filter index
// (archiveClient.ts) — one wording for all three.
import { share } from '../core/metrics/stats.ts';
import type { ArchiveIncident } from './archiveIncident.ts';
import type { ResultMeta } from './archiveRows.ts';
import { formatElapsed, formatPercent } from './elapsed.ts';

type RowFacts = Pick<ArchiveIncident, 'title' | 'client' | 'clientSlug' | 'priority' | 'severity' | 'status' | 'timeToAcknowledge' | 'timeToResolve' | 'obligationsMet' | 'obligationsDue'>;

/** `opened` is the local date of opening in the incident's zone. */
export function rowMeta(i: RowFacts, opened: string): ResultMeta {
  return {
    title: i.title,
    client: i.client,
    clientSlug: i.clientSlug,
    opened,
    priority: i.priority,
    severity: i.severity ?? 'unassessed',
    status: i.status,
    tta: formatElapsed(i.timeToAcknowledge),
    ttr: formatElapsed(i.timeToResolve),
    compliance: formatPercent(share(i.obligationsMet, i.obligationsDue)),
  };
}
