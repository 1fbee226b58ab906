// Builds the site for the browser tests: the bundled example repository copied to a temporary
// folder, with a project-site base path, a repository URL and one hostile incident added.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  return { ...env, COMMLOG_ROOT: root, COMMLOG_NOW: NOW, COMMLOG_SEARCH_SHARD_SIZE: '4', ASTRO_TELEMETRY_DISABLED: '1' };
}

export function buildSite(root: string): BuiltSite {
  const dist = join(root, 'dist');
  const result = spawnSync(process.execPath, [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    cwd: PROJECT,
    env: buildEnvironment(root),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`astro build failed:\n${log}`);
  return { root, dist, log };
}
