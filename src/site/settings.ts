// Where the site reads its repository and which instant it calls Now: from the environment, so
// that the benchmark can build a generated corpus and tests can build reproducibly.
import { resolve } from 'node:path';
import { parseTimestamp, timestampProblem } from '../core/time/timestamp.ts';

/** `COMMLOG_ROOT`, else the project root (the bundled example incidents). */
export function siteRoot(): string {
  return resolve(process.env.COMMLOG_ROOT ?? process.cwd());
}

/** `COMMLOG_NOW` (a timestamp of data-format.md, read in `zone` without an offset), else the current time. */
export function siteNow(zone: string): number {
  const text = process.env.COMMLOG_NOW;
  if (!text) return Date.now();
  const problem = timestampProblem(text);
  if (problem) throw new Error(`COMMLOG_NOW: ${problem}`);
  return parseTimestamp(text, zone);
}
