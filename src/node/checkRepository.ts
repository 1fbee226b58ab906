// `commlog check` over a repository on disk: read each incident folder, check it with the
// core, keep only summaries and findings. Large repositories are split across worker
// threads, one per core: reading and parsing 200,000 files is CPU-bound.
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { totalsOf, type CheckTotals, type IncidentSummary } from '../core/check.ts';
import type { Config } from '../core/config/config.ts';
import type { LogHistory } from '../core/quality/logHistory.ts';
import { repeatedMessages } from '../core/load/repeatedMessages.ts';
import { applySeverities, compareFindings, type Finding } from '../core/findings.ts';
import { logImmutable } from '../core/rules/logImmutable.ts';
import { checkIncidents, type CheckedIncidents, type IncidentsToCheck } from './checkIncidents.ts';
import { changesSince } from './gitChanges.ts';
import { readLogHistory } from './logHistory.ts';
import { listIncidentIds, readConfig } from './repository.ts';
import { RepositoryError } from './repositoryError.ts';

/** The worker's module: `.ts` run from source here, compiled `.js` in the installed package. */
const CHECK_WORKER = new URL(`./checkWorker${extname(import.meta.url)}`, import.meta.url);

/** Below this many incidents a worker costs more to start than it saves. */
const INCIDENTS_PER_WORKER = 500;
/**
 * Worker heaps: a larger young generation, as the checker makes many short-lived objects, and a
 * small old generation, as a worker keeps little (it posts its results in batches); left to
 * itself V8 lets garbage grow the heap to gigabytes before collecting it.
 */
const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 256 };

export interface CheckOptions {
  root: string;
  now: number;
  /** Only these incidents (ids as folder names); all when absent. */
  ids?: readonly string[];
  config?: Config;
  /** `--since REF`: only incidents changed since REF, plus log-immutable against it. */
  since?: string;
  /** Threads to use (this one and workers); default: one per core, fewer for small repositories. */
  workers?: number;
}

export interface RepositoryCheck {
  now: number;
  config: Config;
  summaries: IncidentSummary[];
  findings: Finding[];
  totals: CheckTotals;
  /** What the text output says once: late-log off outside a git work tree, shallow history. */
  notes: string[];
}

export async function checkRepository(options: CheckOptions): Promise<RepositoryCheck> {
  const config = options.config ?? readConfig(options.root);
  const allIds = listIncidentIds(options.root);
  const knownIds = new Set(allIds);
  for (const id of options.ids ?? []) {
    if (!knownIds.has(id)) throw new RepositoryError(`unknown incident "${id}": no folder incidents/${id}`);
  }
  let ids = options.ids ?? allIds;
  const immutable: ReturnType<typeof logImmutable> = [];
  let addedSince: Set<string> | undefined;
  if (options.since !== undefined) {
    const changed = await changesSince(options.root, options.since);
    ids = ids.filter((id) => changed.incidentIds.has(id));
    immutable.push(...logImmutable(changed.changes, options.since));
    addedSince = changed.addedPaths;
  }
  const notes: string[] = [];
  let logHistory: LogHistory | undefined;
  if (config.rules['late-log'] !== 'off') {
    const read = await readLogHistory(options.root, addedSince);
    if ('off' in read) notes.push(read.off);
    else {
      logHistory = read.history;
      if (logHistory.shallow) notes.push('history is shallow: late-log does not judge entries already present in its oldest commit (fetch the full history, e.g. actions/checkout with fetch-depth: 0)');
    }
  }

  const job: IncidentsToCheck = { root: options.root, now: options.now, config, ids, knownIds: allIds, logHistory };
  const workers = Math.min(options.workers ?? Math.min(availableParallelism(), Math.floor(ids.length / INCIDENTS_PER_WORKER)), ids.length);
  const parts = workers > 1 ? await inThreads(job, workers) : [checkIncidents(job)];

  const summaries = parts.flatMap((p) => p.summaries).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const findings = parts.flatMap((p) => p.findings);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  // After the incidents' checks, so each finding gets its incident's zone (a deleted incident's
  // is the config's).
  for (const found of [...immutable, ...repeatedMessages(parts.flatMap((p) => p.messages))]) {
    const summary = byId.get(found.incident);
    for (const f of applySeverities(found.incident, [found], config.rules, summary?.zone ?? config.timezone)) {
      findings.push(f);
      if (summary) summary[f.severity === 'error' ? 'errors' : 'warnings']++;
    }
  }
  findings.sort(compareFindings);
  return { now: options.now, config, summaries, findings, totals: totalsOf(summaries, findings), notes };
}

/**
 * Runs contiguous shares of the (sorted) ids, one on this thread and the others on worker
 * threads, so the shares' findings come back in order and the final sort has little to do.
 */
async function inThreads(job: IncidentsToCheck, count: number): Promise<CheckedIncidents[]> {
  const size = Math.ceil(job.ids.length / count);
  const [own, ...others] = Array.from({ length: count }, (_, w) => job.ids.slice(w * size, (w + 1) * size));
  const elsewhere = others.map(
    (ids) =>
      new Promise<CheckedIncidents>((resolve, reject) => {
        const worker = new Worker(CHECK_WORKER, { workerData: { ...job, ids }, resourceLimits: WORKER_RESOURCE_LIMITS });
        const share: CheckedIncidents = { summaries: [], findings: [], messages: [] };
        worker.on('message', (batch: CheckedIncidents | 'done') => {
          if (batch === 'done') return resolve(share);
          for (const s of batch.summaries) share.summaries.push(s);
          for (const f of batch.findings) share.findings.push(f);
          for (const m of batch.messages) share.messages.push(m);
        });
        worker.once('error', reject);
      }),
  );
  const here = checkIncidents({ ...job, ids: own });
  return [here, ...(await Promise.all(elsewhere))];
}
