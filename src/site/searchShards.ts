// The search index is split into shards of at most SHARD_SIZE incidents (the newest into smaller ones), built one after the
// other, so that Pagefind (which holds an index's text in memory while building it) stays small
// whatever the size of the archive. The browser merges the shards into one search.

/** `COMMLOG_SEARCH_SHARD_SIZE` overrides it (the browser tests use small shards). */
export const SHARD_SIZE = Number(process.env.COMMLOG_SEARCH_SHARD_SIZE) || 2000;

/** Folder of shard i under the site's base: `pagefind/`, `pagefind-1/`, … */
export function shardDir(i: number): string {
  return i === 0 ? 'pagefind' : `pagefind-${i}`;
}

/**
 * The newest incidents, after the last full shard, go to smaller shards of TAIL_SHARD_SIZE: new
 * incidents and new entries land there, so a rebuild re-indexes a few hundred incidents rather
 * than up to SHARD_SIZE. Once they make up SHARD_SIZE they become one full shard.
 */
export const TAIL_SHARD_SIZE = Math.max(1, Math.round(SHARD_SIZE / 4));

/** How many incidents each shard holds, in id order. */
export function shardSizes(published: number): number[] {
  const full = Math.floor(published / SHARD_SIZE);
  const tail = published - full * SHARD_SIZE;
  const sizes = Array.from({ length: full }, () => SHARD_SIZE);
  for (let left = tail; left > 0; left -= TAIL_SHARD_SIZE) sizes.push(Math.min(left, TAIL_SHARD_SIZE));
  return sizes.length ? sizes : [0];
}

export function shardCount(published: number): number {
  return shardSizes(published).length;
}
