// The search index is split into shards of at most SHARD_SIZE incidents, built one after the
// other, so that Pagefind (which holds an index's text in memory while building it) stays small
// whatever the size of the archive. The browser merges the shards into one search.

/** `COMMLOG_SEARCH_SHARD_SIZE` overrides it (the browser tests use small shards). */
export const SHARD_SIZE = Number(process.env.COMMLOG_SEARCH_SHARD_SIZE) || 2000;

/** Folder of shard i under the site's base: `pagefind/`, `pagefind-1/`, … */
export function shardDir(i: number): string {
  return i === 0 ? 'pagefind' : `pagefind-${i}`;
}

export function shardCount(published: number): number {
  return Math.max(1, Math.ceil(published / SHARD_SIZE));
}
