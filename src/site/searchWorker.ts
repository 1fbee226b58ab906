// Worker thread of the search-index integration: receives each published incident's search text
// from the loader threads (one message port each) and feeds Pagefind (a separate process) while
// the build goes on. Shards (searchShards.ts) are written to a staging folder as they fill, one
// Pagefind process at a time, and moved into the output when the build is done.
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import type { SearchRecord } from './searchRecords.ts';
import { SHARD_SIZE, shardDir } from './searchShards.ts';

const IN_FLIGHT = 64;
const started = Date.now();
const staging = mkdtempSync(join(tmpdir(), 'commlog-search-'));
const queue: SearchRecord[] = [];
let ports = 0;
let portsDone = 0;
let wake: (() => void) | undefined;

function notify(): void {
  wake?.();
  wake = undefined;
}

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  return index;
}

async function writeShard(index: PagefindIndex, shard: number): Promise<void> {
  const written = await index.writeFiles({ outputPath: join(staging, shardDir(shard)) });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  // Closing ends the Pagefind process, and with it the memory of this shard.
  await close();
}

let outputDir: string | undefined;

parentPort!.on('message', (m: { port?: MessagePort; outputDir?: string }) => {
  if (m.port) {
    ports++;
    m.port.on('message', (r: SearchRecord | { done: true }) => {
      if ('done' in r) portsDone++;
      else queue.push(r);
      notify();
    });
  }
  if (m.outputDir) {
    outputDir = m.outputDir;
    notify();
  }
});

/** Indexes records as they come until every loader is done and the build has ended. */
async function indexAll(): Promise<{ records: number; shards: number }> {
  let shard = 0;
  let inShard = 0;
  let records = 0;
  let index = await newIndex();
  for (;;) {
    if (queue.length === 0) {
      if (outputDir !== undefined && portsDone === ports) break;
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    const take = queue.splice(0, Math.min(IN_FLIGHT, SHARD_SIZE - inShard));
    await Promise.all(take.map((r) => index.addCustomRecord(r)));
    inShard += take.length;
    records += take.length;
    if (inShard === SHARD_SIZE) {
      await writeShard(index, shard++);
      index = await newIndex();
      inShard = 0;
    }
  }
  await writeShard(index, shard);
  return { records, shards: shard + 1 };
}

const { records, shards } = await indexAll();
const indexedMs = Date.now() - started;
for (let i = 0; i < shards; i++) {
  const target = join(outputDir!, shardDir(i));
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(join(staging, shardDir(i)), target);
  } catch {
    cpSync(join(staging, shardDir(i)), target, { recursive: true });
  }
}
rmSync(staging, { recursive: true, force: true });
parentPort!.postMessage({ records, shards, indexedMs, errors: [] });
