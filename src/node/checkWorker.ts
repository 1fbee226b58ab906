// A worker thread of `checkRepository`: checks its share of the incident folders and posts
// back summaries and findings (parsed incidents never cross the thread boundary).
import { parentPort, workerData } from 'node:worker_threads';
import { checkIncidents, type IncidentsToCheck } from './checkIncidents.ts';

const job = workerData as IncidentsToCheck;
parentPort!.postMessage(checkIncidents(job));
