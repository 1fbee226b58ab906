// Worker thread of the search-index integration. While the archive loads it receives the search
// shards as they fill (archive.ts) and builds, one after another, those the build cache does not
// hold: each with Pagefind (a separate process) from the search records the loaders left on
// disk, in id order, written under the shard's key. When the build is done the shards are copied (or, without
// a build cache, moved) into the output as pagefind/, pagefind-1/, …
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import type { SearchShard } from './archive.ts';
import { childProcessesCpuMs, PhaseClock } from './profile.ts';
import type { SearchRecord } from './searchRecords.ts';
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

const IN_FLIGHT = 64;
const clock = new PhaseClock();
const shards: SearchShard[] = [];
let indexing = Promise.resolve();
let ended: () => void;
const allShards = new Promise<void>((resolve) => (ended = resolve));
let records = 0;
let built = 0;
let indexedMs = 0;
let pagefindCpuMs = 0;

async function buildShard(records: string, ids: string[], target: string): Promise<void> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const read = (id: string) => JSON.parse(readFileSync(join(records, `${id}.search.json`), 'utf8')) as SearchRecord;
  for (let i = 0; i < ids.length; i += IN_FLIGHT) {
    // Sent in order on one channel, so Pagefind numbers them in id order.
    await Promise.all(ids.slice(i, i + IN_FLIGHT).map((id) => addRecord(index, read(id))));
  }
  const partial = `${target}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: partial });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  pagefindCpuMs += childProcessesCpuMs();
  // Closing ends the Pagefind process, and with it the memory of this shard.
  await close();
  rmSync(target, { recursive: true, force: true });
  renameSync(partial, target);
}

async function addRecord(index: PagefindIndex, record: SearchRecord): Promise<void> {
  const { errors } = await index.addHTMLFile(record);
  if (errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
}

/** Builds a shard unless the build cache holds it; shards are built one after another. */
async function index(shard: SearchShard): Promise<void> {
  records += shard.ids.length;
  const target = join(shard.shards, shard.key);
  if (existsSync(target)) return;
  const started = Date.now();
  const end = clock.span('search index: Pagefind (this thread)');
  const before = pagefindCpuMs;
  await buildShard(shard.records, shard.ids, target);
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
