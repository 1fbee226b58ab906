// Where the site reads its repository and which instant it calls Now: from the environment, so
// that the benchmark can build a generated corpus and tests can build reproducibly.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config/config.ts';
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

/**
 * A module of the site's sources as a file for a worker thread: compiled `.js` in the installed
 * package, `.ts` in this repository. The integration names the folder (COMMLOG_SITE_SOURCES),
 * because the pages that start workers are bundled by Vite far from their sources.
 */
export function siteModuleFile(name: string): string {
  const dir = siteSourcesDir();
  const compiled = join(dir, `${name}.js`);
  return existsSync(compiled) ? compiled : join(dir, `${name}.ts`);
}

/** The folder of the site's sources (src/site, or lib/site in the installed package). */
export function siteSourcesDir(): string {
  return process.env.COMMLOG_SITE_SOURCES ?? resolve(process.cwd(), 'src/site');
}

/** The repository's config file as written ('' without one), for the build cache's key. */
export function readConfigText(root: string): string {
  try {
    return readFileSync(join(root, CONFIG_FILE_NAME), 'utf8');
  } catch {
    return '';
  }
}
