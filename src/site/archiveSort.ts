// The archive's sort order in the browser, as the address keeps it (`?sort=ttr-desc`) and as
// the sort menu offers it on narrow screens, where the table's headings are not shown.
import { ARCHIVE_COLUMNS, ARCHIVE_ORDER, type ArchiveColumnKey } from './archiveColumns.ts';

export interface ArchiveSort {
  key: ArchiveColumnKey;
  /** 1: ascending (the order of the column's values: most urgent, fastest, lowest first). */
  dir: 1 | -1;
}

export const DEFAULT_SORT: ArchiveSort = { key: ARCHIVE_ORDER, dir: -1 };

/** How each direction of a column reads: [ascending, descending]. */
const DIRECTION_WORDS: Record<ArchiveColumnKey, [string, string]> = {
  title: ['A to Z', 'Z to A'],
  client: ['A to Z', 'Z to A'],
  opened: ['oldest first', 'newest first'],
  priority: ['most urgent first', 'least urgent first'],
  severity: ['most severe first', 'least severe first'],
  status: ['open first', 'closed first'],
  tta: ['fastest first', 'slowest first'],
  ttr: ['fastest first', 'slowest first'],
  compliance: ['lowest first', 'highest first'],
};

export function sortParam(sort: ArchiveSort): string {
  return `${sort.key}-${sort.dir > 0 ? 'asc' : 'desc'}`;
}

/** The sort an address names, or undefined for anything else. */
export function parseSort(text: string | null | undefined): ArchiveSort | undefined {
  const m = /^([a-z]+)-(asc|desc)$/.exec(text ?? '');
  if (!m || !ARCHIVE_COLUMNS.some((c) => c.key === m[1])) return undefined;
  return { key: m[1] as ArchiveColumnKey, dir: m[2] === 'asc' ? 1 : -1 };
}

/** Every order, for the sort menu: the archive's own first. */
export function sortChoices(): { value: string; label: string }[] {
  const all = ARCHIVE_COLUMNS.flatMap((c) =>
    ([1, -1] as const).map((dir) => ({ value: sortParam({ key: c.key, dir }), label: `${c.heading}, ${DIRECTION_WORDS[c.key][dir > 0 ? 0 : 1]}` })),
  );
  const first = sortParam(DEFAULT_SORT);
  return [...all.filter((c) => c.value === first), ...all.filter((c) => c.value !== first)];
}

/** The order after a click on a column's heading: the same column reversed, else its natural order. */
export function nextSort(current: ArchiveSort, key: ArchiveColumnKey): ArchiveSort {
  if (current.key === key) return { key, dir: current.dir > 0 ? -1 : 1 };
  return { key, dir: key === ARCHIVE_ORDER ? -1 : 1 };
}
