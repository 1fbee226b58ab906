// A worker thread of `checkRepository`: checks its share of the incident folders and posts
// back summaries and findings in batches, so that what it holds stays small whatever the size
// of the repository (parsed incidents never cross the thread boundary).
import { parentPort, workerData } from 'node:worker_threads';
import { checkIncidents, type IncidentsToCheck } from './checkIncidents.ts';

/** Incidents per message: large enough to keep messages few, small enough to keep heaps small. */
const BATCH = 250;

const job = workerData as IncidentsToCheck;
for (let i = 0; i < job.ids.length; i += BATCH) {
  parentPort!.postMessage(checkIncidents({ ...job, ids: job.ids.slice(i, i + BATCH) }));
}
parentPort!.postMessage('done');
