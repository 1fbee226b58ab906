// The archive table's columns, once. The header (ArchiveHead.astro), the rows the server renders
// (IncidentRows.astro) and the rows the browser script renders (archiveClient.ts), the static
// sorted lists (sorts.ts, pages/sorted/) and the script's sort all read this table: a new column
// is an entry here, its text in `ResultMeta` and its sort values, which the types then demand.
// No runtime imports, so the browser script stays small.
import type { ResultMeta } from './archiveRows.ts';

interface ArchiveColumn {
  key: string;
  /** Column heading, and the cell's `data-label` (the table's narrow-screen layout). */
  heading: string;
  /**
   * How a cell is drawn: the title links to the incident, the client to its page, a date is a
   * `<time>`, a badge a coloured label, a number right-aligned.
   */
  cell: 'title' | 'client' | 'date' | 'badge' | 'num';
  /** A badge's kind: its class is `badge <kind>-<value>`. */
  badge?: 'prio' | 'sev' | 'status';
  /** The cell's text in a row's metadata (what the server, the index and search results share). */
  text?: Exclude<keyof ResultMeta, 'title' | 'client' | 'clientSlug'>;
  /** The order of the column's sorted list, for captions ("most urgent first"). */
  order: string;
}

export const ARCHIVE_COLUMNS = [
  { key: 'title', heading: 'Incident', cell: 'title', order: 'by title, A to Z' },
  { key: 'client', heading: 'Client', cell: 'client', order: 'by client, A to Z' },
  { key: 'opened', heading: 'Opened', cell: 'date', text: 'opened', order: 'newest first' },
  { key: 'priority', heading: 'Priority', cell: 'badge', badge: 'prio', text: 'priority', order: 'most urgent first' },
  { key: 'severity', heading: 'Severity', cell: 'badge', badge: 'sev', text: 'severity', order: 'most severe first' },
  { key: 'status', heading: 'Status', cell: 'badge', badge: 'status', text: 'status', order: 'open first' },
  { key: 'tta', heading: 'To acknowledge', cell: 'num', text: 'tta', order: 'slowest to acknowledge first' },
  { key: 'ttr', heading: 'To resolve', cell: 'num', text: 'ttr', order: 'slowest to resolve first' },
  { key: 'compliance', heading: 'Compliance', cell: 'num', text: 'compliance', order: 'lowest compliance first' },
] as const satisfies readonly ArchiveColumn[];

export type ArchiveColumnKey = (typeof ARCHIVE_COLUMNS)[number]['key'];
/** The archive itself is in this column's order; every other column has a static sorted list. */
export const ARCHIVE_ORDER = 'opened' satisfies ArchiveColumnKey;
export type StaticSortKey = Exclude<ArchiveColumnKey, typeof ARCHIVE_ORDER>;

export function columnOf(key: ArchiveColumnKey): (typeof ARCHIVE_COLUMNS)[number] {
  return ARCHIVE_COLUMNS.find((c) => c.key === key)!;
}
