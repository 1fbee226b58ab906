// The archive's orders for readers without JavaScript: one static, paginated list per column
// (the script sorts in the browser the same way; archiveClient.ts). Ties: newest first.
import { PRIORITIES, SEVERITIES, STATUSES } from '../core/schema/values.ts';
import type { ArchiveIncident } from './archiveIncident.ts';

export interface StaticSort {
  /** Column heading. */
  column: string;
  /** How the list is ordered, for the caption. */
  order: string;
  value(i: ArchiveIncident): string | number | undefined;
}

const rank = (list: readonly string[], v: string | undefined) => (v === undefined ? undefined : list.indexOf(v));

export const STATIC_SORTS = {
  title: { column: 'Incident', order: 'by title, A to Z', value: (i) => i.title.toLowerCase() },
  client: { column: 'Client', order: 'by client, A to Z', value: (i) => i.client.toLowerCase() },
  priority: { column: 'Priority', order: 'most urgent first', value: (i) => rank(PRIORITIES, i.priority) },
  severity: { column: 'Severity', order: 'most severe first', value: (i) => rank(SEVERITIES, i.severity) },
  status: { column: 'Status', order: 'open first', value: (i) => rank(STATUSES, i.status) },
  tta: { column: 'To acknowledge', order: 'slowest to acknowledge first', value: (i) => (i.timeToAcknowledge === undefined ? undefined : -i.timeToAcknowledge) },
  ttr: { column: 'To resolve', order: 'slowest to resolve first', value: (i) => (i.timeToResolve === undefined ? undefined : -i.timeToResolve) },
  compliance: { column: 'Compliance', order: 'lowest compliance first', value: (i) => (i.obligationsDue === 0 ? undefined : i.obligationsMet / i.obligationsDue) },
} satisfies Record<string, StaticSort>;

export type StaticSortKey = keyof typeof STATIC_SORTS;
export const STATIC_SORT_KEYS = Object.keys(STATIC_SORTS) as StaticSortKey[];

/** The incidents in the sort's order, those without a value last; ties newest first. */
export function sortedBy(incidents: readonly ArchiveIncident[], key: StaticSortKey): ArchiveIncident[] {
  const sort: StaticSort = STATIC_SORTS[key];
  return incidents
    .map((i) => ({ i, v: sort.value(i) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? b.i.openedAt - a.i.openedAt : a.v === undefined ? 1 : -1;
      return a.v < b.v ? -1 : a.v > b.v ? 1 : b.i.openedAt - a.i.openedAt;
    })
    .map(({ i }) => i);
}
