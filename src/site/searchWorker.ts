// Worker thread of the search-index integration. While the archive loads it receives the search
// shards as they fill (archive.ts) and builds, one after another, those the build cache does not
// hold: each with Pagefind (a separate process) from the search records the loaders left on
// disk, in id order, written under the shard's key. When the build is done the shards are copied (or, without
// a build cache, moved) into the output as pagefind/, pagefind-1/, …
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { SearchShard } from './archive.ts';
import { pruneShards } from './buildCache.ts';
import { buildShard } from './pagefindShard.ts';
import { childProcessesCpuMs, PhaseClock } from './profile.ts';
import { shardDir } from './searchShards.ts';

export type SearchRequest = { shard: SearchShard } | { end: true } | { outputDir: string };
export interface SearchResult {
  records: number;
  shards: number;
  built: number;
  indexedMs: number;
  /** CPU of the Pagefind processes (with COMMLOG_PROFILE). */
  pagefindCpuMs: number;
  phases: ReturnType<PhaseClock['times']>;
}

const clock = new PhaseClock();
const shards: SearchShard[] = [];
let indexing = Promise.resolve();
let ended: () => void;
const allShards = new Promise<void>((resolve) => (ended = resolve));
let records = 0;
let built = 0;
let indexedMs = 0;
let pagefindCpuMs = 0;

/** Builds a shard unless the build cache holds it; shards are built one after another. */
async function index(shard: SearchShard): Promise<void> {
  records += shard.ids.length;
  const target = join(shard.shards, shard.key);
  if (existsSync(target)) return;
  const started = Date.now();
  const end = clock.span('search index: Pagefind (this thread)');
  const before = pagefindCpuMs;
  const name = `search shard ${shardDir(shard.index)} (${shard.ids.length} incidents, ${shard.ids[0]} to ${shard.ids.at(-1)})`;
  await buildShard({
    name,
    records: shard.records,
    ids: shard.ids,
    target,
    written: () => (pagefindCpuMs += childProcessesCpuMs()),
    retrying: (why) => console.warn(why),
  });
  end();
  clock.add('search index: Pagefind (its processes)', Date.now() - started, pagefindCpuMs - before);
  indexedMs += Date.now() - started;
  built++;
}

parentPort!.on('message', async (m: SearchRequest) => {
  if ('shard' in m) {
    shards.push(m.shard);
    indexing = indexing.then(() => index(m.shard));
    return;
  }
  if ('end' in m) {
    ended();
    return;
  }
  await allShards;
  await indexing;
  // Only now: a shard folder removed while Pagefind writes into it stops Pagefind for good.
  if (shards.length > 0 && !shards[0].move) pruneShards(shards[0].shards, new Set(shards.map((s) => s.key)));
  clock.time('search index: into the output', () => {
    for (const shard of shards) {
      const target = join(m.outputDir, shardDir(shard.index));
      rmSync(target, { recursive: true, force: true });
      const from = join(shard.shards, shard.key);
      if (!shard.move) cpSync(from, target, { recursive: true });
      else {
        try {
          renameSync(from, target);
        } catch {
          // Another file system.
          cpSync(from, target, { recursive: true });
        }
      }
    }
  });
  parentPort!.postMessage({ records, shards: shards.length, built, indexedMs, phases: clock.times(), pagefindCpuMs } satisfies SearchResult);
});
