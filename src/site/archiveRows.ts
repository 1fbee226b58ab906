// The shapes the archive's browser script reads: the filter index's rows and the metadata of a
// search result. No imports, so the script stays small (see archiveClient.ts).

/** [id, title, client, category (-1: none), local date, opened (epoch minutes), priority, severity (-1), status, tta min, ttr min, compliance %] */
export type IndexRow = [string, string, number, number, string, number, number, number, number, number | null, number | null, number | null];

export interface ArchiveIndex {
  clients: [name: string, slug: string][];
  categories: string[];
  priorities: readonly string[];
  severities: readonly string[];
  statuses: readonly string[];
  rows: IndexRow[];
}

export const ROW = { id: 0, title: 1, client: 2, category: 3, date: 4, opened: 5, priority: 6, severity: 7, status: 8, tta: 9, ttr: 10, compliance: 11 } as const;

/** What a search result carries (Pagefind metadata), so that a search needs no filter index. */
export interface ResultMeta {
  title: string;
  client: string;
  clientSlug: string;
  opened: string;
  priority: string;
  severity: string;
  status: string;
  /** Formatted: `2h 05m`, `—`. */
  tta: string;
  ttr: string;
  compliance: string;
}
