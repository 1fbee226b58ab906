// Builds one search shard with Pagefind (a process of its own, spoken to over its stdin and
// stdout) from the search records the loaders left on disk, in id order. Pagefind is not trusted
// to answer: a 10k build once waited forever on it (its process idle, our request unanswered).
// Every exchange must answer within a time limit; past it the process is ended and the shard
// built again from the start once, and a second silence fails the build, naming the shard,
// rather than hanging it.
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './searchRecords.ts';

/** The part of the pagefind package a shard needs (a test passes one that stops answering). */
export interface PagefindApi {
  createIndex: typeof pagefind.createIndex;
  close: typeof pagefind.close;
}

export interface ShardJob {
  /** How the shard is named in messages: its folder and the ids it holds. */
  name: string;
  /** Folder of the search records (`<id>.search.json`). */
  records: string;
  ids: string[];
  /** Where the shard's files go; written beside it and renamed into place when whole. */
  target: string;
  /** Called when Pagefind has written the shard, before its process ends (the profile reads its CPU time). */
  written?: () => void;
  /** Told why the shard is built a second time. */
  retrying?: (why: string) => void;
}

/**
 * Records sent before waiting for their answers. Pagefind handles requests one at a time, so more
 * in flight gains nothing but memory: each waits in both processes' buffers as base64 JSON.
 */
export const IN_FLIGHT = 16;

/**
 * How long one exchange may take: a batch of IN_FLIGHT records takes well under a second,
 * writing a shard of 2,000 a few seconds, on a loaded machine some ten times that.
 */
export const ANSWER_WITHIN_MS = 120_000;

export class PagefindSilent extends Error {}

/** Builds the shard; after a silence of Pagefind's, once more with a new Pagefind process. */
export async function buildShard(job: ShardJob, api: PagefindApi = pagefind, answerWithinMs = ANSWER_WITHIN_MS): Promise<void> {
  try {
    await attempt(job, api, answerWithinMs);
  } catch (error) {
    if (!(error instanceof PagefindSilent)) throw error;
    job.retrying?.(`Search index: Pagefind did not answer while building ${job.name} (${error.message}, no answer in ${answerWithinMs / 1000} s): building it again with a new Pagefind process.`);
    // Ends the silent process (its unanswered requests fail) and starts afresh.
    await api.close();
    try {
      await attempt(job, api, answerWithinMs);
    } catch (again) {
      if (!(again instanceof PagefindSilent)) throw again;
      await api.close();
      throw new Error(
        `Search index: Pagefind did not answer while building ${job.name}, twice (${again.message}, no answer in ${answerWithinMs / 1000} s); the build stops rather than wait. Run the build again; if it stops here again, report it with this message.`,
      );
    }
  }
}

async function attempt({ name, records, ids, target, written: onWritten }: ShardJob, api: PagefindApi, answerWithinMs: number): Promise<void> {
  const answered = <T>(request: Promise<T>, what: string) => within(request, answerWithinMs, what);
  const { index, errors } = await answered(api.createIndex({}), 'starting an index');
  if (!index) throw new Error(`Search index: Pagefind could not start an index for ${name}: ${errors.join('; ')}`);
  const read = (id: string) => JSON.parse(readFileSync(join(records, `${id}.search.json`), 'utf8')) as SearchRecord;
  const add = async (id: string) => {
    const { errors } = await index.addHTMLFile(read(id));
    if (errors.length) throw new Error(`Search index: Pagefind refused the record of ${id} in ${name}: ${errors.join('; ')}`);
  };
  for (let i = 0; i < ids.length; i += IN_FLIGHT) {
    const batch = ids.slice(i, i + IN_FLIGHT);
    // Sent in order on one channel, so Pagefind numbers them in id order.
    await answered(Promise.all(batch.map(add)), `adding the records of ${batch[0]} to ${batch.at(-1)}`);
  }
  const partial = `${target}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const written = await answered(index.writeFiles({ outputPath: partial }), 'writing its files');
  if (written.errors.length) throw new Error(`Search index: Pagefind could not write ${name}: ${written.errors.join('; ')}`);
  onWritten?.();
  // Closing ends the Pagefind process, and with it the memory of this shard.
  await api.close();
  rmSync(target, { recursive: true, force: true });
  renameSync(partial, target);
}

/** `request`, or a PagefindSilent naming `what` when it has not settled in `ms`. */
function within<T>(request: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new PagefindSilent(what)), ms)));
  return Promise.race([request, silence]).finally(() => clearTimeout(timer));
}
