// A repository committed as its log was kept: everything but the log entries in a first commit,
// then each entry in a commit of its own, authored and committed ten minutes after its contact
// (or at the instant given for it), through `git fast-import` (one process for every commit).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkIncident } from '../../src/core/check.ts';
import { listIncidentIds, readConfig, readIncidentFiles } from '../../src/node/repository.ts';

export const FIRST_COMMIT = Date.parse('2026-04-21T08:00:00Z');
/** How long after its contact an entry is committed, unless `committedAt` says otherwise. */
export const LOGGED_AFTER = 10 * 60_000;

/** A commit of `files` (paths relative to the root) authored and committed at `at`, as a fast-import command. */
function commitCommand(root: string, at: number, message: string, files: string[]): Buffer[] {
  const seconds = Math.floor(at / 1000);
  const parts = [Buffer.from(`commit refs/heads/main\nauthor t <t@example.com> ${seconds} +0000\ncommitter t <t@example.com> ${seconds} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`)];
  for (const path of files) {
    const content = readFileSync(join(root, path));
    parts.push(Buffer.from(`M 100644 inline ${path}\ndata ${content.length}\n`), content, Buffer.from('\n'));
  }
  return parts;
}

/** Files under `dir` (relative to the root), as paths relative to the root. */
function filesUnder(root: string, dir: string): string[] {
  return (readdirSync(join(root, dir), { recursive: true }) as string[]).map((f) => `${dir}/${f}`).filter((f) => statSync(join(root, f)).isFile());
}

/**
 * Makes `root` (its config, incidents/README.md if any and its incident folders) a git
 * repository committed as the log was kept. Each entry's contact comes from the loader itself.
 */
export function commitAsLogged(root: string, now: number, committedAt: ReadonlyMap<string, number> = new Map()): void {
  const ids = listIncidentIds(root);
  const context = { config: readConfig(root), now, knownIds: new Set(ids) };
  const entries: { file: string; at: number }[] = [];
  const others = ['commlog.config.yaml', 'incidents/README.md'].filter((f) => statSync(join(root, f), { throwIfNoEntry: false })?.isFile());
  for (const id of ids) {
    const { incident } = checkIncident(readIncidentFiles(root, id), context);
    for (const e of incident!.entries) entries.push({ file: e.file, at: committedAt.get(e.file) ?? e.at + LOGGED_AFTER });
    others.push(...filesUnder(root, `incidents/${id}`).filter((f) => !f.includes('/log/')));
  }
  entries.sort((a, b) => a.at - b.at || (a.file < b.file ? -1 : 1));
  const stream = [...commitCommand(root, FIRST_COMMIT, 'incidents, reports and config', others), ...entries.flatMap((e) => commitCommand(root, e.at, `log ${e.file}`, [e.file]))];
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: root, input: Buffer.concat(stream) });
  execFileSync('git', ['reset', '-q'], { cwd: root });
}
