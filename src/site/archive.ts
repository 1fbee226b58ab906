// The published archive of this build, read once through the core. Loader threads
// (loaderWorker.ts) load and check every incident folder, send back lean facts, and write each
// incident page's content and search record to a store on disk (the build cache, buildCache.ts);
// the main thread keeps only the facts, sorted and grouped for the list pages, and hands the
// search index its shards. Internal incidents never come back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../core/config/config.ts';
import { findRecurrences, type Recurrence } from '../core/metrics/recurrence.ts';
import { gitContentIds } from '../node/gitIndex.ts';
import { listIncidentIds, readConfig } from '../node/repository.ts';
import type { ArchiveIncident } from './archiveIncident.ts';
import type { IncidentView } from './incidentView.ts';
import { cacheDirOf, codeFingerprint, incidentsDir, pagefindVersion, prepareCacheDir, pruneIncidents, searchDir, sha256 } from './buildCache.ts';
import type { LoadedBatch, LoaderInput, LoaderMessage } from './loaderWorker.ts';
import { publishedSite } from './clientSite.ts';
import { logFormSettings } from './logForm/settings.ts';
import { LogDelayCounter, type SiteLogDelays } from './logDelay.ts';
import { siteAudience, siteOptions } from './options.ts';
import { buildClock } from './profile.ts';
import { SHARD_SIZE, TAIL_SHARD_SIZE } from './searchShards.ts';
import { readConfigText, siteModuleFile, siteNow, siteRoot, siteSourcesDir } from './settings.ts';

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
  /** Where the loader threads left each incident page's content (`<id>.view.json`). */
  pageCache: string;
  /** Incident id -> how it recurs (same client or category group within 90 days, related, tagged), for those that do. */
  recurrences: Map<string, Recurrence>;
  /** The median logging delay of the published entries (trends), or why there is none. */
  logDelays: SiteLogDelays;
}

/** What the search-index integration offers the build (searchIndex.ts). */
export interface SearchSink {
  /** Shard `index` can be built: its incidents' search records are in the store. */
  shard(shard: SearchShard): void;
  /** No more shards. */
  end(): void;
}
export const SEARCH_SINK = Symbol.for('commlog.searchSink');

export interface SearchShard {
  /** It is `shardDir(index)` of the output. */
  index: number;
  /** Hash of its records: its folder in `shards`. */
  key: string;
  /** Its incidents, in id order. */
  ids: string[];
  /** Where the loaders left each incident's `<id>.search.json`. */
  records: string;
  /** Where built shards are kept, by key. */
  shards: string;
  /** Whether the shard may be moved into the output (no build cache keeps it). */
  move: boolean;
}

const LOADERS = Math.max(1, Math.min(2, availableParallelism()));
/**
 * A loader keeps nothing of an incident once its results are out, but V8 lets an unbounded heap
 * fill with garbage: at 10k the two loaders held about 470 MiB more than with these limits (the
 * check workers' own, checkRepository.ts), the build's peak 2.6 GiB against 2.2 GiB.
 */
const LOADER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 256 };

function runLoader(input: LoaderInput, onBatch: (batch: LoadedBatch) => void): Promise<void> {
  return new Promise((done, fail) => {
    const worker = new Worker(siteModuleFile('loaderWorker'), { workerData: input, resourceLimits: LOADER_RESOURCE_LIMITS });
    worker.on('message', (m: LoaderMessage) => {
      if ('done' in m) {
        buildClock.merge(m.phases, 'loaders: ');
        done();
      } else onBatch(m);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => (code === 0 ? done() : fail(new Error(`site loader thread stopped with code ${code}`))));
  });
}

/** The store of this build: the build cache when on, else a temporary folder removed at exit. */
function openStore(root: string, client: string | undefined): { dir: string; cached: boolean } {
  const cacheDir = cacheDirOf(root, client);
  if (cacheDir) {
    prepareCacheDir(cacheDir);
    return { dir: cacheDir, cached: true };
  }
  const dir = mkdtempSync(join(tmpdir(), 'commlog-pages-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  prepareCacheDir(dir);
  return { dir, cached: false };
}

async function buildArchive(): Promise<Archive> {
  const loading = buildClock.span('main: loading (waits for the loaders)');
  const root = siteRoot();
  const config = readConfig(root);
  const { client, title } = siteOptions();
  // A client site publishes under its own settings; the integration's `title` option names the
  // site everywhere the configured title would.
  config.site = publishedSite(config, client);
  config.site.title = title ?? config.site.title;
  const now = siteNow(config.timezone);
  const ids = listIncidentIds(root);
  // git reads the log's history while the loaders work; each incident's entries are counted as it arrives.
  const logDelayCounter = new LogDelayCounter(root, now, config.rules['late-log'] === 'off');
  const store = openStore(root, client);
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  // Git's index names the files it knows unmodified; what decides how a blob is checked out is
  // part of every key. Outside a git work tree (or with the cache off) every file is read.
  const git = store.cached ? buildClock.time('main: git index and status (cache keys)', () => gitContentIds(root)) : undefined;
  const buildKey = sha256(codeFingerprint(siteSourcesDir()), readConfigText(root), JSON.stringify(siteOptions()), base, git ? `git\0${git.checkout}` : 'files');
  const sink = (globalThis as Record<symbol, SearchSink | undefined>)[SEARCH_SINK];
  // A shard is Pagefind's output: another Pagefind writes it differently.
  const searchEngine = pagefindVersion([process.cwd(), siteSourcesDir()]);
  const shards = new SearchShards(
    ids,
    LOADERS,
    (hashes) => sha256(buildKey, String(SHARD_SIZE), String(TAIL_SHARD_SIZE), searchEngine, ...hashes),
    (index, key, shardIds) => sink?.shard({ index, key, ids: shardIds, records: incidentsDir(store.dir), shards: searchDir(store.dir), move: !store.cached }),
  );
  const loaderIds = Array.from({ length: LOADERS }, (_, k) => ids.filter((_, i) => i % LOADERS === k));
  const incidents: ArchiveIncident[] = [];
  let withheld = 0;
  let ofClient = 0;
  let reused = 0;
  await Promise.all(
    Array.from({ length: LOADERS }, (_, k) =>
      runLoader({ root, now, ids: loaderIds[k], knownIds: ids, store: store.dir, buildKey, blobIds: git && blobIdsOf(git.ids, loaderIds[k]), client, logForm: logFormSettings(config, siteOptions()) !== undefined, audience: siteAudience() }, (batch) => {
        for (const i of batch.incidents) incidents.push(i);
        buildClock.time('main: logging delay (counts the entries)', () => batch.incidents.forEach((i) => logDelayCounter.add(i)));
        withheld += batch.withheld;
        ofClient += batch.ofClient;
        reused += batch.reused;
        shards.add(k, batch);
      }),
    ),
  );
  shards.end();
  sink?.end();
  loading();
  if (client !== undefined && ofClient === 0) {
    throw new Error(`client site "${client}": no incident of ${root}/incidents has this client (incident.md \`client\`, compared ignoring case); check the name in site.clients or the integration's \`client\` option`);
  }
  incidents.sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? -1 : 1));
  const byId = new Map(incidents.map((i) => [i.id, i]));
  for (const i of incidents) i.related = i.related.filter((r) => byId.has(r));
  const recurrences = new Map(findRecurrences(incidents, { groupOf: (c) => config.categoryGroups[c] }).map((r) => [r.id, r]));
  const waiting = buildClock.span('main: waits for the log history (logging delay)');
  const logDelays = await logDelayCounter.result();
  waiting();
  // The search thread removes unused shards itself, once it has built them all.
  if (store.cached) pruneIncidents(store.dir, new Set(ids));
  buildStats.incidents = ids.length;
  buildStats.reused = reused;
  return { root, config, now, incidents, byId, clients: groupByClient(incidents), withheld, pageCache: incidentsDir(store.dir), recurrences, logDelays };
}

/** The blob ids of the files of these incident folders (a loader's share). */
function blobIdsOf(all: ReadonlyMap<string, string>, ids: readonly string[]): Map<string, string> {
  const folders = new Set(ids);
  const mine = new Map<string, string>();
  for (const [path, blob] of all) {
    const folder = path.slice('incidents/'.length, path.indexOf('/', 'incidents/'.length));
    if (folders.has(folder)) mine.set(path, blob);
  }
  return mine;
}

/**
 * The search index's shards as the loaders progress: published incidents in id order, SHARD_SIZE
 * to a shard, so that a new incident (the newest id) or a changed one rebuilds only the shard it
 * falls in. A shard is handed on as soon as every id up to its last is loaded, so Pagefind works
 * alongside the loaders. Loader k loads ids k, k + L, k + 2L, … in order.
 */
class SearchShards {
  readonly #hashes = new Map<string, string>();
  readonly #next: number[];
  readonly #ids: readonly string[];
  readonly #loaders: number;
  readonly #keyOf: (hashes: string[]) => string;
  readonly #emit: (index: number, key: string, ids: string[]) => void;
  #scanned = 0;
  #pending: string[] = [];
  #emitted = 0;

  constructor(ids: readonly string[], loaders: number, keyOf: (hashes: string[]) => string, emit: (index: number, key: string, ids: string[]) => void) {
    this.#ids = ids;
    this.#loaders = loaders;
    this.#keyOf = keyOf;
    this.#emit = emit;
    this.#next = Array.from({ length: loaders }, () => 0);
  }

  add(loader: number, batch: LoadedBatch): void {
    batch.incidents.forEach((i, n) => this.#hashes.set(i.id, batch.searchHashes[n]));
    this.#next[loader] = batch.next;
    // Every id before the first one a loader has yet to send is loaded.
    const loaded = Math.min(...this.#next.map((n, k) => n * this.#loaders + k));
    for (; this.#scanned < Math.min(loaded, this.#ids.length); this.#scanned++) {
      const id = this.#ids[this.#scanned];
      if (!this.#hashes.has(id)) continue;
      this.#pending.push(id);
      if (this.#pending.length === SHARD_SIZE) this.#flush();
    }
  }

  /** What is left after the last full shard goes to the tail's smaller shards (shardSizes). */
  end(): void {
    const tail = this.#pending;
    if (tail.length === 0 && this.#emitted === 0) this.#flush([]);
    for (let i = 0; i < tail.length; i += TAIL_SHARD_SIZE) this.#flush(tail.slice(i, i + TAIL_SHARD_SIZE));
    this.#pending = [];
  }

  #flush(ids: string[] = this.#pending): void {
    const key = this.#keyOf(ids.map((id) => this.#hashes.get(id)!));
    this.#emit(this.#emitted++, key, ids);
    this.#pending = [];
  }
}

/** What the build did, for the integration's log line (global: see buildClock). */
export const buildStats: { incidents: number; reused: number } = ((globalThis as Record<symbol, { incidents: number; reused: number }>)[Symbol.for('commlog.buildStats')] ??= { incidents: 0, reused: 0 });

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
  return JSON.parse(readFileSync(join(pageCache, `${id}.view.json`), 'utf8')) as IncidentView;
}

/** What the "Log a contact" page needs of an incident (logForm/context.ts), as its loader thread left it. */
export async function logFormContextText(id: string): Promise<string> {
  const { pageCache } = await archive();
  return readFileSync(join(pageCache, `${id}.log.json`), 'utf8');
}
