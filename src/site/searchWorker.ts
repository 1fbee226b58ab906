// Worker thread of the search-index integration: while Astro renders pages on the main thread,
// this reads every published incident through the core and feeds Pagefind (a separate process),
// so the index is built on the machine's other core. Writes the index when told where.
import { parentPort, workerData } from 'node:worker_threads';
import { createIndex, close } from 'pagefind';
import { loadIncident } from '../core/load/loadIncident.ts';
import { listIncidentIds, readConfig, readIncidentFiles } from '../node/repository.ts';
import { searchRecord } from './searchRecords.ts';
import { siteNow, siteRoot } from './settings.ts';

const { base } = workerData as { base: string };
const started = Date.now();
const root = siteRoot();
const config = readConfig(root);
const now = siteNow(config.timezone);
const ids = listIncidentIds(root);
const knownIds = new Set(ids);

const { index, errors } = await createIndex({});
if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
let records = 0;
let pending: Promise<unknown>[] = [];
for (const id of ids) {
  const { incident } = loadIncident(readIncidentFiles(root, id), { config, now, knownIds });
  if (!incident || incident.internal) continue;
  pending.push(index.addCustomRecord(searchRecord(incident, base, config.publish.contactDetails)));
  records++;
  // Bounded in flight: Pagefind answers in order; the text is not held for the whole corpus.
  if (pending.length >= 64) {
    await Promise.all(pending);
    pending = [];
  }
}
await Promise.all(pending);
const indexedMs = Date.now() - started;

parentPort!.once('message', async ({ outputPath }: { outputPath: string }) => {
  const written = await index.writeFiles({ outputPath });
  await close();
  parentPort!.postMessage({ records, indexedMs, errors: written.errors });
});
parentPort!.postMessage({ ready: true });
