// The archive's orders for readers without JavaScript: one static, paginated list per column
// of archiveColumns.ts but the archive's own (the script sorts in the browser the same way;
// archiveClient.ts). Ties: newest first.
import { PRIORITIES, SEVERITIES, STATUSES } from '../core/schema/values.ts';
import { ARCHIVE_COLUMNS, ARCHIVE_ORDER, type StaticSortKey } from './archiveColumns.ts';
import type { ArchiveIncident } from './archiveIncident.ts';

export type { StaticSortKey } from './archiveColumns.ts';

type SortValue = (i: ArchiveIncident) => string | number | undefined;

const rank = (list: readonly string[], v: string | undefined) => (v === undefined ? undefined : list.indexOf(v));

/** Each column's sort value, smallest first; undefined sorts last. */
const SORT_VALUES: Record<StaticSortKey, SortValue> = {
  title: (i) => i.title.toLowerCase(),
  client: (i) => i.client.toLowerCase(),
  priority: (i) => rank(PRIORITIES, i.priority),
  severity: (i) => rank(SEVERITIES, i.severity),
  status: (i) => rank(STATUSES, i.status),
  tta: (i) => (i.timeToAcknowledge === undefined ? undefined : -i.timeToAcknowledge),
  ttr: (i) => (i.timeToResolve === undefined ? undefined : -i.timeToResolve),
  compliance: (i) => (i.obligationsDue === 0 ? undefined : i.obligationsMet / i.obligationsDue),
};

export const STATIC_SORT_KEYS: StaticSortKey[] = ARCHIVE_COLUMNS.map((c) => c.key).filter((k): k is StaticSortKey => k !== ARCHIVE_ORDER);

/** The incidents in the sort's order, those without a value last; ties newest first. */
export function sortedBy(incidents: readonly ArchiveIncident[], key: StaticSortKey): ArchiveIncident[] {
  const value = SORT_VALUES[key];
  return incidents
    .map((i) => ({ i, v: value(i) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? b.i.openedAt - a.i.openedAt : a.v === undefined ? 1 : -1;
      return a.v < b.v ? -1 : a.v > b.v ? 1 : b.i.openedAt - a.i.openedAt;
    })
    .map(({ i }) => i);
}
