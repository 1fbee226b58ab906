// The published archive of this build, read once through the core. Loader threads
// (loaderWorker.ts) load and check every incident folder, send back lean facts, and write each
// incident page's content to a page cache on disk; the main thread keeps only the facts, sorted
// and grouped for the list pages. Internal incidents never come back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessagePort, Worker } from 'node:worker_threads';
import type { Config } from '../core/config/config.ts';
import { findRecurrences, type Recurrence } from '../core/metrics/recurrence.ts';
import { listIncidentIds, readConfig } from '../node/repository.ts';
import type { ArchiveIncident } from './archiveIncident.ts';
import type { IncidentView } from './incidentView.ts';
import type { LoaderInput, LoaderMessage } from './loaderWorker.ts';
import { publishedSite } from './clientSite.ts';
import { siteOptions } from './options.ts';
import { siteModuleFile, siteNow, siteRoot } from './settings.ts';

export type { ArchiveIncident, FeedbackNote } from './archiveIncident.ts';

export interface ClientGroup {
  name: string;
  slug: string;
  /** Newest first. */
  incidents: ArchiveIncident[];
}

export interface Archive {
  root: string;
  config: Config;
  now: number;
  /** Published incidents, newest first. */
  incidents: ArchiveIncident[];
  byId: Map<string, ArchiveIncident>;
  clients: ClientGroup[];
  /** Incident folders not published: internal, or incident.md unreadable. */
  withheld: number;
  /** Where the loader threads left each incident page's content. */
  pageCache: string;
  /** Incident id -> how it recurs (same client or category group within 90 days, related, tagged), for those that do. */
  recurrences: Map<string, Recurrence>;
}

/** What the search-index integration offers the build (searchIndex.ts): a port per loader. */
export interface SearchSink {
  connect(): MessagePort;
}
export const SEARCH_SINK = Symbol.for('commlog.searchSink');

const LOADERS = Math.max(1, Math.min(2, availableParallelism()));

function runLoader(input: LoaderInput, onIncidents: (list: ArchiveIncident[], withheld: number, ofClient: number) => void): Promise<void> {
  return new Promise((done, fail) => {
    const worker = new Worker(siteModuleFile('loaderWorker'), {
      workerData: input,
      transferList: input.searchPort ? [input.searchPort] : [],
    });
    worker.on('message', (m: LoaderMessage) => {
      if ('done' in m) done();
      else onIncidents(m.incidents, m.withheld, m.ofClient);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => (code === 0 ? done() : fail(new Error(`site loader thread stopped with code ${code}`))));
  });
}

async function buildArchive(): Promise<Archive> {
  const root = siteRoot();
  const config = readConfig(root);
  const { client, title } = siteOptions();
  // A client site publishes under its own settings; the integration's `title` option names the
  // site everywhere the configured title would.
  config.site = publishedSite(config, client);
  config.site.title = title ?? config.site.title;
  const now = siteNow(config.timezone);
  const ids = listIncidentIds(root);
  const pageCache = mkdtempSync(join(tmpdir(), 'commlog-pages-'));
  process.once('exit', () => rmSync(pageCache, { recursive: true, force: true }));
  const sink = (globalThis as Record<symbol, SearchSink | undefined>)[SEARCH_SINK];
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const incidents: ArchiveIncident[] = [];
  let withheld = 0;
  let ofClient = 0;
  await Promise.all(
    Array.from({ length: LOADERS }, (_, k) =>
      runLoader(
        { root, now, ids: ids.filter((_, i) => i % LOADERS === k), knownIds: ids, cacheDir: pageCache, base, client, searchPort: sink?.connect() },
        (list, w, c) => {
          for (const i of list) incidents.push(i);
          withheld += w;
          ofClient += c;
        },
      ),
    ),
  );
  if (client !== undefined && ofClient === 0) {
    throw new Error(`client site "${client}": no incident of ${root}/incidents has this client (incident.md \`client\`, compared ignoring case); check the name in site.clients or the integration's \`client\` option`);
  }
  incidents.sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? -1 : 1));
  const byId = new Map(incidents.map((i) => [i.id, i]));
  for (const i of incidents) i.related = i.related.filter((r) => byId.has(r));
  const recurrences = new Map(findRecurrences(incidents, { groupOf: (c) => config.categoryGroups[c] }).map((r) => [r.id, r]));
  return { root, config, now, incidents, byId, clients: groupByClient(incidents), withheld, pageCache, recurrences };
}

function groupByClient(incidents: readonly ArchiveIncident[]): ClientGroup[] {
  const groups = new Map<string, ClientGroup>();
  const taken = new Map<string, string>();
  for (const i of incidents) {
    let g = groups.get(i.client);
    if (!g) {
      // Two client names with the same slug get distinct paths.
      let s = i.clientSlug;
      for (let n = 2; taken.has(s) && taken.get(s) !== i.client; n++) s = `${i.clientSlug}-${n}`;
      taken.set(s, i.client);
      g = { name: i.client, slug: s, incidents: [] };
      groups.set(i.client, g);
    }
    i.clientSlug = g.slug;
    g.incidents.push(i);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

let cached: Promise<Archive> | undefined;

/** The archive of this build, loaded on first use. */
export function archive(): Promise<Archive> {
  cached ??= buildArchive();
  return cached;
}

/** What an incident page shows, as its loader thread left it. */
export async function incidentView(id: string): Promise<IncidentView> {
  const { pageCache } = await archive();
  return JSON.parse(readFileSync(join(pageCache, `${id}.json`), 'utf8')) as IncidentView;
}
