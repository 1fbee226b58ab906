// A loader thread of the site build: loads and checks its share of the incident folders through
// the core (as `commlog check` does), and for each published incident sends back its lean facts,
// writes what its page shows to the page cache, and hands its search text to the search index.
// Two of these run at once, so loading and Markdown rendering use both cores.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { publication } from '../core/publish/publication.ts';
import { readConfig } from '../node/repository.ts';
import { archiveIncident, loadChecked, type ArchiveIncident } from './archiveIncident.ts';
import { inClientSite } from './clientSite.ts';
import { buildView } from './incidentView.ts';
import { searchRecord } from './searchRecords.ts';

export interface LoaderInput {
  root: string;
  now: number;
  ids: string[];
  knownIds: string[];
  cacheDir: string;
  base: string;
  /** A client site's client: every other client's incident is dropped unread by the pages. */
  client?: string;
  searchPort?: MessagePort;
}

/** `ofClient`: incidents of the client site's client, internal ones included (to tell a misspelt name). */
export type LoaderMessage = { incidents: ArchiveIncident[]; withheld: number; ofClient: number } | { done: true };

const BATCH = 100;
const input = workerData as LoaderInput;
const config = readConfig(input.root);
const knownIds = new Set(input.knownIds);
let batch: ArchiveIncident[] = [];
let withheld = 0;
let ofClient = 0;

function flush(): void {
  parentPort!.postMessage({ incidents: batch, withheld, ofClient } satisfies LoaderMessage);
  batch = [];
  withheld = 0;
  ofClient = 0;
}

for (const id of input.ids) {
  const loaded = loadChecked(input.root, id, config, input.now, knownIds);
  if (loaded && !inClientSite(input.client, loaded.incident.client)) continue;
  if (loaded && input.client !== undefined) ofClient++;
  if (!loaded || loaded.incident.internal) {
    withheld++;
    continue;
  }
  // From here on only the publishable form of the incident is used.
  const published = publication(loaded.incident, loaded.findings, config);
  const facts = archiveIncident(published, config, input.now);
  batch.push(facts);
  writeFileSync(join(input.cacheDir, `${id}.json`), JSON.stringify(buildView(published.incident, published.findings, config, input.now)));
  input.searchPort?.postMessage(searchRecord(published.incident, facts, input.base, config.publish.contactDetails));
  if (batch.length >= BATCH) flush();
}
flush();
input.searchPort?.postMessage({ done: true });
input.searchPort?.close();
parentPort!.postMessage({ done: true } satisfies LoaderMessage);
