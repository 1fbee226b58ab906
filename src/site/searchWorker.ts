// Worker thread of the search-index integration: while Astro renders pages on the main thread,
// this reads every published incident through the core and feeds Pagefind (a separate process),
// so the index is built on the machine's other core. Shards are written to a temporary folder
// as they fill (searchShards.ts); they are moved into the output when the build is done.
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { loadIncident } from '../core/load/loadIncident.ts';
import { listIncidentIds, readConfig, readIncidentFiles } from '../node/repository.ts';
import { searchRecord } from './searchRecords.ts';
import { SHARD_SIZE, shardDir } from './searchShards.ts';
import { siteNow, siteRoot } from './settings.ts';

const IN_FLIGHT = 64;
const { base } = workerData as { base: string };
const started = Date.now();
const root = siteRoot();
const config = readConfig(root);
const now = siteNow(config.timezone);
const ids = listIncidentIds(root);
const knownIds = new Set(ids);
const staging = mkdtempSync(join(tmpdir(), 'commlog-search-'));

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

let shard = 0;
let inShard = 0;
let records = 0;
let index = await newIndex();
let pending: Promise<unknown>[] = [];
for (const id of ids) {
  const { incident } = loadIncident(readIncidentFiles(root, id), { config, now, knownIds });
  if (!incident || incident.internal) continue;
  if (inShard === SHARD_SIZE) {
    await Promise.all(pending);
    pending = [];
    await writeShard(index, shard++);
    index = await newIndex();
    inShard = 0;
  }
  pending.push(index.addCustomRecord(searchRecord(incident, base, config.publish.contactDetails)));
  inShard++;
  records++;
  if (pending.length >= IN_FLIGHT) {
    await Promise.all(pending);
    pending = [];
  }
}
await Promise.all(pending);
await writeShard(index, shard);
const indexedMs = Date.now() - started;

parentPort!.once('message', ({ outputDir }: { outputDir: string }) => {
  for (let i = 0; i <= shard; i++) {
    const target = join(outputDir, shardDir(i));
    rmSync(target, { recursive: true, force: true });
    try {
      renameSync(join(staging, shardDir(i)), target);
    } catch {
      cpSync(join(staging, shardDir(i)), target, { recursive: true });
    }
  }
  rmSync(staging, { recursive: true, force: true });
  parentPort!.postMessage({ records, shards: shard + 1, indexedMs, errors: [] });
});
parentPort!.postMessage({ ready: true });
