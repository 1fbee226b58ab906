// Builds the site for the browser tests: the bundled example repository copied to a temporary
// folder, with a project-site base path, a repository URL and one hostile incident added. Each
// test file runs on a cold build (empty build cache); its `.warm.test.ts` twin runs the same tests
// on a warm one: the repository built once without its newest log entry, then again with it, the
// second build reusing the build cache for everything else.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT = resolve(import.meta.dirname, '../..');
export const BASE = '/commlog-archive/';
export const REPOSITORY = 'https://github.com/fieldstone/incident-log';
export const HOSTILE_ID = '2026-11-03-hostile-markup-test';
export const NOW = '2026-11-20T18:00Z';

export interface BuiltSite {
  root: string;
  dist: string;
  log: string;
}

const HOSTILE_INCIDENT = `---
title: "Hostile <script>window.__pwned = 'title'</script> markup test\\b"
client: Test Client
opened_at: 2026-11-03T10:00
reporter: { name: Hugo Stile }
priority: low
status: open
pm: { name: Pat Manager, email: pat.manager@fieldstone.example }
---

Description with <img src="x" onerror="window.__pwned = 'img'"> an image and
<script>window.__pwned = 'script'</script> a script and [a link](javascript:window.__pwned='link').
`;

const HOSTILE_ENTRY = `---
at: 2026-11-03T10:10
direction: outbound
channel: email
contact: { name: Hugo Stile }
author: sam.support
summary: "<img src=x onerror=\\"window.__pwned='summary'\\"> acknowledged"
verbatim: "<script>window.__pwned='verbatim'</script>"
next_update_by: 2026-11-03T16:00
---

<svg onload="window.__pwned='svg'"><circle r="5"/></svg>
<iframe src="javascript:window.__pwned='iframe'"></iframe>
<a href="javascript:window.__pwned='anchor'" onclick="window.__pwned='click'">click me</a>
<div style="background:url(javascript:window.__pwned='style')">styled</div>
`;

/** Quotes nested 10,000 deep: once a stack overflow that failed the whole build. */
const OVER_DEEP_ENTRY = `---
at: 2026-11-03T10:20
direction: outbound
channel: email
contact: { name: Hugo Stile }
author: sam.support
summary: Replied below a deeply quoted thread
---

${'>'.repeat(10_000)} the bottom of the thread
`;

export function prepareRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'commlog-site-'));
  cpSync(join(PROJECT, 'incidents'), join(root, 'incidents'), { recursive: true });
  const config = readFileSync(join(PROJECT, 'commlog.config.yaml'), 'utf8').replace(/^site:\n/m, `site:\n  base: ${BASE}\n  repository: ${REPOSITORY}\n`);
  writeFileSync(join(root, 'commlog.config.yaml'), config);
  const hostile = join(root, 'incidents', HOSTILE_ID);
  mkdirSync(join(hostile, 'log'), { recursive: true });
  writeFileSync(join(hostile, 'incident.md'), HOSTILE_INCIDENT);
  writeFileSync(join(hostile, 'log', '2026-11-03T1010-email-out.md'), HOSTILE_ENTRY);
  writeFileSync(join(hostile, 'log', '2026-11-03T1020-email-out.md'), OVER_DEEP_ENTRY);
  return root;
}

/** The environment without the variables a test runner sets for its own Vite (BASE_URL, MODE …). */
export function buildEnvironment(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(k)) env[k] = v;
  }
  // Small search shards, so that the search merges several of them as a large archive does.
  // The build cache in the repository's temporary folder, removed with it.
  return { ...env, COMMLOG_ROOT: root, COMMLOG_NOW: NOW, COMMLOG_SEARCH_SHARD_SIZE: '4', ASTRO_TELEMETRY_DISABLED: '1', COMMLOG_CACHE_DIR: join(root, '.build-cache') };
}

const FLOCK = '/usr/bin/flock';
const BUILD_LOCK = join(tmpdir(), `commlog-astro-build-${PROJECT.replace(/\W+/g, '-')}.lock`);

let warm = false;

/** Makes every later buildSite of this test file a warm build. */
export function useWarmBuilds(): void {
  warm = true;
}

/** `astro build` of the repository at `root` into `dist` (its build cache in root/.build-cache). */
export function astroBuild(root: string, dist: string, env: NodeJS.ProcessEnv = {}): string {
  const build = [process.execPath, join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist];
  // Builds of one project share its .astro/ folder, which each build empties: the test files
  // (run in parallel) take turns, where flock(1) is there to make them.
  const [command, ...args] = existsSync(FLOCK) ? [FLOCK, BUILD_LOCK, ...build] : build;
  const result = spawnSync(command, args, {
    cwd: PROJECT,
    env: { ...buildEnvironment(root), ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`astro build failed:\n${log}`);
  return log;
}

/** The newest log entry of the repository (by file name, across incidents). */
export function newestEntry(root: string): string {
  const entries = readdirSync(join(root, 'incidents'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)log\/[^/]+\.md$/.test(f))
    .sort((a, b) => (a.split('/').at(-1)! < b.split('/').at(-1)! ? -1 : 1));
  return join(root, 'incidents', entries.at(-1)!);
}

export function buildSite(root: string): BuiltSite {
  const dist = join(root, 'dist');
  if (warm) {
    const entry = newestEntry(root);
    const aside = join(root, 'held-back-entry.md');
    renameSync(entry, aside);
    astroBuild(root, dist);
    renameSync(aside, entry);
    rmSync(dist, { recursive: true, force: true });
    const log = astroBuild(root, dist);
    if (!/incidents from the build cache/.test(log)) throw new Error(`the warm build reused nothing:\n${log}`);
    return { root, dist, log };
  }
  return { root, dist, log: astroBuild(root, dist) };
}
