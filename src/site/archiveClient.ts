// The archive page in the browser: filters, sorting and full-text search over the whole archive.
// Filtering and sorting use the compact archive index; search uses the Pagefind index. Rows are
// built with DOM calls, never from HTML strings, so no title can inject markup.
import { ARCHIVE_COLUMNS, type ArchiveColumnKey } from './archiveColumns.ts';
import { DEFAULT_SORT, nextSort, parseSort, sortParam, type ArchiveSort } from './archiveSort.ts';
import { ROW, type ArchiveIndex, type IndexRow, type ResultMeta } from './archiveRows.ts';
import { formatElapsed } from './elapsed.ts';
import { bestSubResult, searchResultHref, type SubResult } from './searchLink.ts';
import { plural } from '../core/present/plural.ts';

type SortKey = ArchiveColumnKey;
const FILTERS = ['status', 'priority', 'severity', 'client', 'category', 'year'] as const;
const SEARCH_PAGE = 50;

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: ResultMeta; sub_results: SubResult[] }>;
}
interface Pagefind {
  mergeIndex(path: string): Promise<void>;
  search(q: string, o: object): Promise<{ results: PagefindResult[] }>;
}

export function enhanceArchive(): void {
  const form = document.getElementById('archive-filters') as HTMLFormElement | null;
  const table = document.getElementById('archive-table') as HTMLTableElement | null;
  if (!form || !table) return;
  const base = form.dataset.base ?? '/';
  const pageSize = Number(form.dataset.pageSize ?? 100);
  const shards = Number(form.dataset.searchShards ?? 1);
  const tbody = table.tBodies[0];
  const caption = table.caption;
  const status = document.getElementById('archive-status')!;
  const more = document.getElementById('archive-more')!;
  const staticPagination = document.getElementById('static-pagination');
  // The sort menu (shown on narrow screens, where the headings are not) and the headings' buttons share one order.
  const sortMenu = form.elements.namedItem('sort') as HTMLSelectElement;

  let index: ArchiveIndex | undefined;
  let pagefind: Pagefind | undefined;
  let sort: ArchiveSort = DEFAULT_SORT;
  let page = 0;
  let generation = 0;

  async function loadIndex(): Promise<ArchiveIndex> {
    if (!index) {
      const response = await fetch(`${base}archive-index.json`);
      index = (await response.json()) as ArchiveIndex;
    }
    return index;
  }

  async function loadPagefind(): Promise<Pagefind> {
    if (!pagefind) {
      const url = `${base}pagefind/pagefind.js`;
      const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
      // The index is built in shards (src/site/searchShards.ts): one search over all of them.
      for (let i = 1; i < shards; i++) await pf.mergeIndex(`${base}pagefind-${i}/`);
      pagefind = pf;
    }
    return pagefind;
  }

  function chosen(): Record<(typeof FILTERS)[number], string> & { q: string } {
    const data = new FormData(form!);
    const out = { q: String(data.get('q') ?? '').trim() } as Record<string, string>;
    for (const f of FILTERS) out[f] = String(data.get(f) ?? '');
    return out as Record<(typeof FILTERS)[number], string> & { q: string };
  }

  function matches(row: IndexRow, ix: ArchiveIndex, c: ReturnType<typeof chosen>): boolean {
    if (c.status && ix.statuses[row[ROW.status]] !== c.status) return false;
    if (c.priority && ix.priorities[row[ROW.priority]] !== c.priority) return false;
    if (c.severity && ix.severities[row[ROW.severity]] !== c.severity) return false;
    if (c.client && ix.clients[row[ROW.client]][0] !== c.client) return false;
    if (c.category && ix.categories[row[ROW.category]] !== c.category) return false;
    if (c.year && row[ROW.date].slice(0, 4) !== c.year) return false;
    return true;
  }

  function sortValue(row: IndexRow, ix: ArchiveIndex, key: SortKey): string | number {
    switch (key) {
      case 'title': return row[ROW.title].toLowerCase();
      case 'client': return ix.clients[row[ROW.client]][0].toLowerCase();
      case 'opened': return row[ROW.opened];
      // Most urgent first when ascending: the enumerations are listed most severe first.
      case 'priority': return row[ROW.priority];
      case 'severity': return row[ROW.severity] < 0 ? 99 : row[ROW.severity];
      case 'status': return row[ROW.status];
      case 'tta': return row[ROW.tta] ?? Infinity;
      case 'ttr': return row[ROW.ttr] ?? Infinity;
      case 'compliance': return row[ROW.compliance] ?? Infinity;
    }
  }

  function cell(label: string, text: string, className?: string): HTMLTableCellElement {
    const td = document.createElement('td');
    td.textContent = text;
    td.dataset.label = label;
    if (className) td.className = className;
    return td;
  }

  function badge(label: string, kind: string, value: string): HTMLTableCellElement {
    const td = document.createElement('td');
    td.dataset.label = label;
    const span = document.createElement('span');
    span.className = `badge ${kind}-${value}`;
    span.textContent = value;
    td.append(span);
    return td;
  }

  function link(text: string, url: string): HTMLAnchorElement {
    const a = document.createElement('a');
    a.href = url;
    a.textContent = text;
    return a;
  }

  function excerptNode(match: SubResult): HTMLElement {
    const div = document.createElement('div');
    div.className = 'excerpt';
    if (match.anchor) {
      const where = document.createElement('span');
      where.className = 'match-where';
      where.textContent = `${match.title}: `;
      div.append(where);
    }
    // Pagefind excerpts are text with <mark> around the hits: keep only that structure.
    const parts = match.excerpt.split(/<mark>|<\/mark>/);
    parts.forEach((part, i) => {
      const text = part.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      if (i % 2 === 1) {
        const mark = document.createElement('mark');
        mark.textContent = text;
        div.append(mark);
      } else {
        div.append(text);
      }
    });
    return div;
  }

  /** A row as the archive page renders it (IncidentRows.astro): one cell per column; a search result's row leads to what matched. */
  function rowElement(id: string, m: ResultMeta, match?: SubResult): HTMLTableRowElement {
    const tr = document.createElement('tr');
    for (const c of ARCHIVE_COLUMNS) {
      if (c.cell === 'title') {
        const titleCell = document.createElement('td');
        titleCell.className = 'title';
        // A search result leads to the entry or section that matched (searchLink.ts).
        titleCell.append(link(m.title, searchResultHref(`${base}incidents/${id}/`, match)));
        if (match) {
          titleCell.append(excerptNode(match));
        } else {
          const idLine = document.createElement('div');
          idLine.className = 'excerpt';
          idLine.textContent = id;
          titleCell.append(idLine);
        }
        tr.append(titleCell);
      } else if (c.cell === 'client') {
        const clientCell = document.createElement('td');
        clientCell.dataset.label = c.heading;
        clientCell.append(link(m.client, `${base}clients/${m.clientSlug}/`));
        tr.append(clientCell);
      } else if (c.cell === 'badge') {
        tr.append(badge(c.heading, c.badge, m[c.text]));
      } else {
        tr.append(cell(c.heading, m[c.text], c.cell));
      }
    }
    return tr;
  }

  function indexRowMeta(row: IndexRow, ix: ArchiveIndex): ResultMeta {
    const [client, clientSlug] = ix.clients[row[ROW.client]];
    const minutes = (m: number | null) => formatElapsed(m === null ? null : m * 60_000);
    const compliance = row[ROW.compliance];
    return {
      title: row[ROW.title],
      client,
      clientSlug,
      opened: row[ROW.date],
      priority: ix.priorities[row[ROW.priority]],
      severity: row[ROW.severity] < 0 ? 'unassessed' : ix.severities[row[ROW.severity]],
      status: ix.statuses[row[ROW.status]],
      tta: minutes(row[ROW.tta]),
      ttr: minutes(row[ROW.ttr]),
      compliance: compliance === null ? '—' : `${compliance}%`,
    };
  }

  function pager(pages: number, render: () => void): void {
    more.replaceChildren();
    more.hidden = pages <= 1;
    if (pages <= 1) return;
    const button = (label: string, target: number, disabled: boolean) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary';
      b.textContent = label;
      b.disabled = disabled;
      b.addEventListener('click', () => {
        page = target;
        render();
        table!.scrollIntoView({ block: 'start' });
      });
      return b;
    };
    const where = document.createElement('span');
    where.textContent = `Page ${page + 1} of ${pages}`;
    more.append(button('← Previous', page - 1, page === 0), where, button('Next →', page + 1, page >= pages - 1));
  }

  async function browse(c: ReturnType<typeof chosen>, mine: number): Promise<void> {
    const ix = await loadIndex();
    if (mine !== generation) return;
    const rows = ix.rows.filter((r) => matches(r, ix, c));
    const { key, dir } = sort;
    rows.sort((x, y) => {
      const a = sortValue(x, ix, key);
      const b = sortValue(y, ix, key);
      return (a < b ? -1 : a > b ? 1 : 0) * dir || (x[ROW.opened] - y[ROW.opened]) * -1;
    });
    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    page = Math.min(page, pages - 1);
    tbody.replaceChildren(...rows.slice(page * pageSize, (page + 1) * pageSize).map((r) => rowElement(r[ROW.id], indexRowMeta(r, ix))));
    status.textContent = `${rows.length} of ${plural(ix.rows.length, 'incident')} match.`;
    const column = table!.querySelector(`th[data-sort="${key}"]`)?.textContent?.trim().toLowerCase() ?? key;
    if (caption) caption.textContent = `Incidents matching the filters, by ${column} (${dir > 0 ? 'ascending' : 'descending'})`;
    pager(pages, () => browse(c, generation));
  }

  async function search(c: ReturnType<typeof chosen>, mine: number): Promise<void> {
    status.textContent = 'Searching…';
    const pf = await loadPagefind();
    const filters: Record<string, string> = {};
    for (const f of FILTERS) if (c[f]) filters[f] = c[f];
    const found = await pf.search(c.q, { filters });
    if (mine !== generation) return;
    const pages = Math.max(1, Math.ceil(found.results.length / SEARCH_PAGE));
    page = Math.min(page, pages - 1);
    const slice = found.results.slice(page * SEARCH_PAGE, (page + 1) * SEARCH_PAGE);
    const data = await Promise.all(slice.map((r) => r.data()));
    if (mine !== generation) return;
    const rows: HTMLTableRowElement[] = [];
    for (const d of data) {
      const id = /incidents\/([^/]+)\//.exec(d.url)?.[1];
      if (id !== undefined) rows.push(rowElement(id, d.meta, bestSubResult(d.sub_results) ?? { url: d.url, title: d.meta.title, excerpt: d.excerpt, weighted_locations: [] }));
    }
    tbody.replaceChildren(...rows);
    status.textContent = found.results.length === 0 ? `No incident mentions “${c.q}”.` : `${found.results.length} ${found.results.length === 1 ? 'incident mentions' : 'incidents mention'} “${c.q}”, best matches first.`;
    if (caption) caption.textContent = `Search results for “${c.q}”`;
    pager(pages, () => search(c, generation));
  }

  async function update(resetPage = true): Promise<void> {
    const mine = ++generation;
    if (resetPage) page = 0;
    if (staticPagination) staticPagination.hidden = true;
    const c = chosen();
    sort = parseSort(sortMenu.value) ?? DEFAULT_SORT;
    showSort();
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(c)) if (v) params.set(k, v);
    if (sortParam(sort) !== sortParam(DEFAULT_SORT)) params.set('sort', sortParam(sort));
    history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
    try {
      if (c.q.length >= 2) await search(c, mine);
      else await browse(c, mine);
    } catch (error) {
      status.textContent = `Filtering is not available: ${(error as Error).message}`;
    }
  }

  /** aria-sort on the sorted column's heading. */
  function showSort(): void {
    for (const th of table!.tHead!.rows[0].cells) {
      if (th.dataset.sort === sort.key) th.setAttribute('aria-sort', sort.dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
  }

  // Sortable column headers: a button in each header.
  for (const th of table.tHead!.rows[0].cells) {
    const key = th.dataset.sort as SortKey | undefined;
    if (!key) continue;
    const button = document.createElement('button');
    button.type = 'button';
    const label = (th.textContent ?? key).trim();
    button.textContent = label;
    button.title = `Sort by ${label}`;
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      sortMenu.value = sortParam(nextSort(sort, key));
      void update(false);
    });
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).getAttribute('name') === 'q') {
      clearTimeout(typing);
      typing = setTimeout(() => void update(), 250);
    } else {
      void update();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });
  form.addEventListener('reset', () => setTimeout(() => void update(), 0));

  // Filters from the address (shared links) apply on load.
  const initial = new URLSearchParams(location.search);
  let any = false;
  for (const [k, v] of initial) {
    const field = form.elements.namedItem(k) as HTMLInputElement | HTMLSelectElement | null;
    if (field) {
      field.value = v;
      any = true;
    }
  }
  if (any) void update();
}
