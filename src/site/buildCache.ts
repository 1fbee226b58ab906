// The site build's cache (docs/decisions.md, "Build cache"): what the loader threads derive from
// each incident folder (its facts for the list pages, its page's content, its search record) and
// the search index's shards, kept between builds and keyed by content, so that a rebuild after one
// new log entry loads, checks, renders and indexes only the incident that changed. Astro still
// renders every page: pages show Now, and a page's template may change with any release.
//
// An entry is reused when its key (commlog's code, the config, the site's options and base, the
// incident's files) matches, the incidents it names as related still exist or not as before, and
// the build's Now is the one it was made at or a later one while the incident is settled (see
// isSettled in loaderWorker.ts). Writes go to a temporary file first and are renamed, so a build
// stopped halfway leaves entries that are whole or absent.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ArchiveIncident } from './archiveIncident.ts';

/** Bumped when the layout of an entry changes. */
const FORMAT = 1;

/** `COMMLOG_BUILD_CACHE=off` builds without reading or writing the cache. */
export const CACHE_SWITCH = 'COMMLOG_BUILD_CACHE';
/** Where the cache lives; the integration sets it to `commlog/` under Astro's `cacheDir`. */
export const CACHE_DIR_VARIABLE = 'COMMLOG_CACHE_DIR';

export interface CacheEntry {
  format: number;
  key: string;
  /** Now of the build that made it. */
  now: number;
  /** Whether the derived data is the same for any later Now (loaderWorker.ts). */
  settled: boolean;
  /** The incident's related ids, and whether each was an incident folder of that build. */
  related: Record<string, boolean>;
  /** Not published (internal, or incident.md unreadable). */
  withheld: boolean;
  /** Another client's incident, left out of a client site. */
  outside?: boolean;
  /** An incident of the client site's client. */
  ofClient?: boolean;
  facts?: ArchiveIncident;
  /** Hash of the search record (`<id>.search.json`), which names its search shard's content. */
  searchHash?: string;
}

export function sha256(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/** Writes a file whole or not at all. */
export function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** The cache folder of this build, or undefined when the cache is off or has no folder. */
export function cacheDirOf(root: string, client: string | undefined): string | undefined {
  const dir = process.env[CACHE_DIR_VARIABLE];
  if (!dir || /^(off|0|false|no)$/i.test(process.env[CACHE_SWITCH] ?? '')) return undefined;
  // One folder per repository and site (the whole archive, or a client's), so that builds of
  // different repositories (tests) or sites never share one.
  return join(dir, sha256(root, client ?? '').slice(0, 16));
}

/** Every source file of commlog's site and core, hashed: a changed template or rule is a new cache. */
export function codeFingerprint(siteSources: string): string {
  const top = dirname(siteSources);
  const h = createHash('sha256');
  for (const part of ['core', 'site', 'node', 'integration', 'components', 'layouts', 'styles']) {
    const dir = join(top, part);
    if (!existsSync(dir)) continue;
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => !/\.test\.ts$/.test(f)).sort();
    for (const f of files) {
      const path = join(dir, f);
      if (!statSync(path).isFile()) continue;
      h.update(relative(top, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  }
  return h.digest('hex');
}

/**
 * The version of the Pagefind package the build runs, for the search shards' key: found by
 * walking up from `dirs` to a node_modules/pagefind (its exports hide its package.json from
 * require). Empty when not found: then only the records key the shards.
 */
export function pagefindVersion(dirs: string[]): string {
  for (const start of dirs) {
    for (let dir = start; ; dir = dirname(dir)) {
      try {
        return (JSON.parse(readFileSync(join(dir, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version;
      } catch {
        if (dirname(dir) === dir) break;
      }
    }
  }
  return '';
}

export function incidentsDir(cacheDir: string): string {
  return join(cacheDir, 'incidents');
}

export function searchDir(cacheDir: string): string {
  return join(cacheDir, 'search');
}

export function prepareCacheDir(cacheDir: string): void {
  mkdirSync(incidentsDir(cacheDir), { recursive: true });
  mkdirSync(searchDir(cacheDir), { recursive: true });
}

export function readEntry(cacheDir: string, id: string): CacheEntry | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(incidentsDir(cacheDir), `${id}.json`), 'utf8')) as CacheEntry;
    return entry.format === FORMAT ? entry : undefined;
  } catch {
    return undefined;
  }
}

export function writeEntry(cacheDir: string, id: string, entry: Omit<CacheEntry, 'format'>): void {
  writeAtomically(join(incidentsDir(cacheDir), `${id}.json`), JSON.stringify({ format: FORMAT, ...entry }));
}

/** Whether an entry made for `key` may stand for this build. */
export function entryFits(entry: CacheEntry | undefined, key: string, now: number, knownIds: ReadonlySet<string>): entry is CacheEntry {
  if (!entry || entry.key !== key) return false;
  for (const [id, known] of Object.entries(entry.related)) if (knownIds.has(id) !== known) return false;
  if (entry.withheld) return true;
  return entry.now === now || (entry.settled && now > entry.now);
}

/** Removes the entries of incidents this build no longer has (deleted ones) and unfinished writes. */
export function pruneIncidents(cacheDir: string, ids: ReadonlySet<string>): void {
  for (const name of readdirSync(incidentsDir(cacheDir))) {
    const id = name.replace(/(\.view|\.search|\.log)?\.json$|\.[^.]*\.tmp$/, '');
    if (!ids.has(id) || name.endsWith('.tmp')) rmSync(join(incidentsDir(cacheDir), name), { force: true });
  }
}

/**
 * Removes the shards this build does not use (replaced ones) and unfinished ones. Only once every
 * shard is built: Pagefind writes a shard into a folder of its own beside them (`<key>.<pid>.partial`),
 * and a folder removed under it left Pagefind retrying to create its files forever (10k builds hung
 * when the loaders finished, and this ran, while a shard was being written).
 */
export function pruneShards(shardsDir: string, keys: ReadonlySet<string>): void {
  for (const name of readdirSync(shardsDir)) {
    if (!keys.has(name)) rmSync(join(shardsDir, name), { recursive: true, force: true });
  }
}
