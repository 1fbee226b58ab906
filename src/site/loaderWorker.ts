// A loader thread of the site build: loads and checks its share of the incident folders through
// the core (as `commlog check` does), and for each published incident sends back its lean facts
// and writes what its page shows and its search record to the store (the build cache, or a
// temporary folder without one). Two of these run at once, so loading and Markdown rendering use
// both cores. An incident whose cache entry fits (buildCache.ts) is only read, not loaded again.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { checkIncident } from '../core/check.ts';
import type { Config } from '../core/config/config.ts';
import { incidentFacts } from '../core/metrics/facts.ts';
import { mapIncidentFiles, type Incident, type InputFile } from '../core/model.ts';
import { publication } from '../core/publish/publication.ts';
import { INCIDENT_RULES } from '../core/rules/registry.ts';
import { readConfig, readIncidentFiles, readInput, type FileReader } from '../node/repository.ts';
import { archiveIncident, type ArchiveIncident } from './archiveIncident.ts';
import { entryFits, incidentsDir, readEntry, sha256, writeAtomically, writeEntry } from './buildCache.ts';
import { inClientSite } from './clientSite.ts';
import { buildView, type Audience } from './incidentView.ts';
import { PhaseClock, type PhaseTimes } from './profile.ts';
import { logFormContext } from './logForm/context.ts';
import { searchRecord } from './searchRecords.ts';

export interface LoaderInput {
  root: string;
  now: number;
  ids: string[];
  knownIds: string[];
  /** The store: the build cache's folder, or a temporary one. */
  store: string;
  /** What every entry's key starts with (code, config, options, base). */
  buildKey: string;
  /**
   * Blob ids of this loader's files that git knows unmodified (gitIndex.ts), by path under the
   * root: such a file is keyed by its id, unread. Absent outside a git work tree.
   */
  blobIds?: Map<string, string>;
  /** A client site's client: every other client's incident is dropped unread by the pages. */
  client?: string;
  /** Write each incident's context for the "Log a contact" page too. */
  logForm: boolean;
  /** Who the pages are for (siteAudience): a public site's views hold no finding of the checker. */
  audience: Audience;
}

export interface LoadedBatch {
  incidents: ArchiveIncident[];
  /** Search record hash per incident of `incidents`, in the same order. */
  searchHashes: string[];
  withheld: number;
  /** Incidents of the client site's client, internal ones included (to tell a misspelt name). */
  ofClient: number;
  reused: number;
  /** Every id of this loader before this one has been sent (its index in `ids`), or ids.length. */
  next: number;
}

export type LoaderMessage = LoadedBatch | { done: true; phases: PhaseTimes };

const BATCH = 100;
/** Far enough ahead that every deadline of a settled incident has passed. */
const FAR_FUTURE = 100 * 365 * 24 * 3600_000;
const input = workerData as LoaderInput;
const config = readConfig(input.root);
const knownIds = new Set(input.knownIds);
const clock = new PhaseClock();
const emptyBatch = (next: number): LoadedBatch => ({ incidents: [], searchHashes: [], withheld: 0, ofClient: 0, reused: 0, next });
let batch = emptyBatch(0);

function flush(next: number): void {
  batch.next = next;
  parentPort!.postMessage(batch satisfies LoaderMessage);
  batch = emptyBatch(next);
}

/**
 * Whether what the site derives from an incident is the same at any Now after `now`: it was
 * resolved before Now (its End no longer moves; a `resolved_at` after Now counts as Now), no
 * entry is dated after Now (loading warns of those), no commitment it shows can still become
 * overdue, and its findings and facts at `now` are those of a Now a century later. Time only ever
 * adds findings (a deadline passes), so equal at both ends means equal in between.
 */
function isSettled(incident: Incident, config: Config, now: number): boolean {
  if (incident.resolvedAt === undefined || incident.resolvedAt >= now) return false;
  for (const e of incident.entries) {
    if (e.at > now) return false;
    for (const c of e.commitments) if (c.due !== undefined && c.due >= now) return false;
  }
  const far = now + FAR_FUTURE;
  const at = (when: number) => JSON.stringify([INCIDENT_RULES.flatMap((r) => r.run(incident, { config, now: when })), incidentFacts(incident, config, when)]);
  return at(now) === at(far);
}

/** A file git vouches for, named by its blob id and not read (yet). */
interface BlobFile {
  path: string;
  fsPath: string;
  blob: string;
}

/** A file as its key sees it: by blob id when git vouches for its content, else read. */
const keyedFile: FileReader<InputFile | BlobFile> = (root, fsPath, path) => {
  const blob = input.blobIds?.get(fsPath);
  return blob === undefined ? readInput(root, fsPath, path) : { path, fsPath, blob };
};

/** On a cache miss: reads the files the key named by blob id; the others were read for the key. */
const readBlobFile = (file: InputFile | BlobFile): InputFile => ('blob' in file ? readInput(input.root, file.fsPath, file.path) : file);

const store = incidentsDir(input.store);
for (const [n, id] of input.ids.entries()) {
  if (batch.incidents.length >= BATCH) flush(n);
  // The folder is walked as loading walks it (the same files, links and strays), but a file git
  // vouches for is named by its blob id instead of read: a rebuild reads only what changed.
  const keyFiles = clock.time('read', () => readIncidentFiles(input.root, id, keyedFile));
  const key = clock.time('hash', () => sha256(input.buildKey, JSON.stringify(keyFiles)));
  const cached = clock.time('cache', () => readEntry(input.store, id));
  if (entryFits(cached, key, input.now, knownIds)) {
    batch.reused++;
    if (cached.ofClient) batch.ofClient++;
    if (cached.outside) continue;
    if (cached.withheld) batch.withheld++;
    else {
      batch.incidents.push(cached.facts!);
      batch.searchHashes.push(cached.searchHash!);
    }
    continue;
  }
  const files = clock.time('read', () => mapIncidentFiles(keyFiles, readBlobFile));
  const checked = clock.time('load and check', () => checkIncident(files, { config, now: input.now, knownIds }));
  const incident = checked.incident;
  const related = Object.fromEntries((incident?.related ?? []).map((r) => [r, knownIds.has(r)]));
  const unpublished = { key, now: input.now, settled: true, related, withheld: true };
  if (incident && !inClientSite(input.client, incident.client)) {
    writeEntry(input.store, id, { ...unpublished, outside: true });
    continue;
  }
  const ofClient = incident !== undefined && input.client !== undefined;
  if (ofClient) batch.ofClient++;
  if (!incident || incident.internal) {
    batch.withheld++;
    writeEntry(input.store, id, { ...unpublished, ofClient });
    continue;
  }
  const settled = clock.time('load and check', () => isSettled(incident, config, input.now));
  // From here on only the publishable form of the incident is used.
  const published = clock.time('load and check', () => publication(incident, checked.findings, config));
  // As JSON, as a later build reads it from the cache: both builds then see the same values.
  const facts = clock.time('load and check', () => JSON.parse(JSON.stringify(archiveIncident(published, config, input.now, incident.entries))) as ArchiveIncident);
  const view = clock.time('render', () => JSON.stringify(buildView(published.incident, published.findings, config, input.now, input.audience)));
  const record = clock.time('search text', () => JSON.stringify(searchRecord(published.incident, facts, config.publish.contactDetails)));
  const searchHash = sha256(record);
  clock.time('write', () => {
    writeAtomically(join(store, `${id}.view.json`), view);
    writeAtomically(join(store, `${id}.search.json`), record);
    if (input.logForm) writeAtomically(join(store, `${id}.log.json`), JSON.stringify(logFormContext(published.incident, config)));
    writeEntry(input.store, id, { key, now: input.now, settled, related, withheld: false, ofClient, facts, searchHash });
  });
  batch.incidents.push(facts);
  batch.searchHashes.push(searchHash);
}
flush(input.ids.length);
parentPort!.postMessage({ done: true, phases: clock.times() } satisfies LoaderMessage);
