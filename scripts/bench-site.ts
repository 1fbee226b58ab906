// Site build benchmark: builds the site from generated corpora (gen-corpus.mjs, the standard
// workload) and reports wall time, peak memory of the whole process tree (Astro, its worker
// threads and Pagefind, summed), and what a reader downloads for the archive and an incident page.
// Each run is a cold build (empty build cache), then Hugo's cold build of the same corpus (a page
// per incident listing its entries, hugo-site/ below), then a warm rebuild after one new log
// entry; the table gives the medians and the ratios to Hugo of the same run.
//
//   node scripts/bench-site.ts [--sizes 1000,10000] [--runs 1] [--keep] [--without-hugo]
//
// Corpora are generated once into /tmp/commlog-bench-<N> (a git repository, committed, as a
// checkout is) and reused; --keep keeps the builds.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const PROJECT = resolve(import.meta.dirname, '..');
// The standard workload's generator, beside the repository (or beside a worktree's folder).
const GENERATOR = ['../shared', '../../shared'].map((d) => resolve(PROJECT, d, 'bench/gen-corpus.mjs')).find((f) => existsSync(f)) ?? resolve(PROJECT, '../shared/bench/gen-corpus.mjs');
const NOW = '2026-11-20T18:00:00Z';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'without-hugo': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

interface RunResult {
  code: number;
  ms: number;
  peakKiB: number;
  /** User + system CPU seconds of the process and its children (GNU time), when available. */
  cpuSeconds?: number;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((done) => {
    const started = performance.now();
    const timeFile = join(tmpdir(), `commlog-bench-time-${process.pid}`);
    const timed = existsSync(GNU_TIME);
    const child = timed
      ? spawn(GNU_TIME, ['-o', timeFile, '-f', '%U %S', command, ...args], { cwd: PROJECT, env: { ...process.env, ...env } })
      : spawn(command, args, { cwd: PROJECT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peakKiB = 0;
    const sample = setInterval(() => (peakKiB = Math.max(peakKiB, treeRssKiB(child.pid!))), 250);
    child.on('close', (code) => {
      clearInterval(sample);
      let cpuSeconds: number | undefined;
      if (timed && existsSync(timeFile)) {
        const [user, system] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
        cpuSeconds = user + system;
        rmSync(timeFile, { force: true });
      }
      done({ code: code ?? 1, ms: performance.now() - started, peakKiB, cpuSeconds, output });
    });
  });
}

/** Resident memory of a process and all its descendants, from /proc. */
function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(name), kib);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function corpus(n: number): Promise<string> {
  const dir = `/tmp/commlog-bench-${n}`;
  if (!existsSync(join(dir, 'incidents'))) {
    const r = await run(process.execPath, [GENERATOR, '--out', dir, '--incidents', String(n), '--quiet'], {});
    if (r.code !== 0) throw new Error(r.output);
  }
  // Committed, as in the Pages workflow's checkout: the build cache keys files by git's blob ids.
  if (!existsSync(join(dir, '.git'))) {
    const git = (...args: string[]) => spawnSync('git', ['-C', dir, '-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], { stdio: 'ignore' });
    git('init', '-q');
    git('add', 'incidents', 'commlog.config.yaml');
    git('commit', '-qm', 'corpus');
  }
  return dir;
}

/** Bytes of a page with the CSS and JavaScript it loads (module imports followed), raw and gzipped. */
function pageWeight(dist: string, base: string, htmlPath: string): { raw: number; gzip: number } {
  const seen = new Set<string>();
  let raw = 0;
  let gzip = 0;
  const add = (path: string) => {
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
    const text = bytes.toString('utf8');
    const refs = path.endsWith('.html')
      ? [...text.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1])
      : path.endsWith('.js')
        ? [...text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)].map((m) => m[1])
        : [];
    for (const ref of refs) {
      const target = ref.startsWith(base) ? join(dist, ref.slice(base.length)) : join(path, '..', ref);
      add(target);
    }
  };
  add(htmlPath);
  return { raw, gzip };
}

/** Hugo's version line, or undefined when it is not installed. */
function hugoVersion(): string | undefined {
  const r = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

// A Hugo site that builds what the comparison needs: a page per incident listing its entries with
// their rendered Markdown, and a home page linking them. Each incident folder is a section of
// the content folder (the corpus's incidents/); its files are listed, not given pages of their own.
const HUGO_SITE: Record<string, string> = {
  'hugo.toml': `baseURL = "https://example.org/"
title = "Incident archive"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[[cascade]]
  [cascade._build]
    render = "never"
    list = "always"
  [cascade._target]
    kind = "page"
`,
  'layouts/_default/list.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<h1>{{ with .GetPage "incident.md" }}{{ .Title }}{{ else }}{{ .Title }}{{ end }}</h1>
{{ range .Pages.ByDate }}<article><h2>{{ with .Params.summary }}{{ . }}{{ else }}{{ .Title }}{{ end }}</h2>{{ .Content }}</article>
{{ end }}</body></html>
`,
  'layouts/_default/single.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>
`,
  'layouts/index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head><body><ul>
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
`,
};

function hugoSite(): string {
  const dir = join(tmpdir(), 'commlog-bench-hugo-site');
  for (const [path, text] of Object.entries(HUGO_SITE)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A new outbound update in the newest incident: the "one new entry" of a warm rebuild. */
function addEntry(root: string): () => void {
  const newest = readdirSync(join(root, 'incidents')).sort().at(-1)!;
  const file = join(root, 'incidents', newest, 'log', '2026-11-20T1745-email-out.md');
  writeFileSync(
    file,
    `---
at: 2026-11-20T17:45
direction: outbound
channel: email
contact: { name: Bench Reader }
author: bench
summary: One more update, for the warm rebuild
---

The sync job has run cleanly since this morning. We will confirm tomorrow.
`,
  );
  return () => rmSync(file, { force: true });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const withHugo = !values['without-hugo'];
const hugo = withHugo ? hugoVersion() : undefined;
if (withHugo && !hugo) {
  console.error(
    "bench:site compares the site build with Hugo's, but `hugo` is not on the PATH. Install it (Debian or Ubuntu: sudo apt-get install hugo; macOS: brew install hugo; others: https://gohugo.io/installation/), or run with --without-hugo.",
  );
  process.exit(1);
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rows: string[] = [];
const ratios: string[] = [];
console.log(`node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB${hugo ? `; ${hugo}` : ''}`);
const astro = join(PROJECT, 'node_modules/astro/bin/astro.mjs');
for (const n of sizes) {
  const root = await corpus(n);
  const cacheDir = join(tmpdir(), `commlog-bench-cache-${n}`);
  const env = { COMMLOG_ROOT: root, COMMLOG_NOW: NOW, ASTRO_TELEMETRY_DISABLED: '1', COMMLOG_CACHE_DIR: cacheDir };
  const cold: number[] = [];
  const warm: number[] = [];
  const hugoCold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dist = `/tmp/commlog-bench-dist-${n}`;
    rmSync(dist, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
    const loadBefore = loadavg()[0];
    const r = await run(process.execPath, [astro, 'build', '--outDir', dist], env);
    if (r.code !== 0) throw new Error(`build of ${n} failed:\n${r.output.slice(-4000)}`);
    cold.push(r.ms);
    const pages = Number(/(\d+) page\(s\) built/.exec(r.output)?.[1] ?? 0);
    const incidentDirs = readdirSync(join(dist, 'incidents'));
    const sample = incidentDirs[Math.floor(incidentDirs.length / 2)];
    const archive = pageWeight(dist, '/', join(dist, 'index.html'));
    const incident = pageWeight(dist, '/', join(dist, 'incidents', sample, 'index.html'));
    const index = statSync(join(dist, 'archive-index.json')).size;
    const indexGzip = gzipSync(readFileSync(join(dist, 'archive-index.json'))).length;
    const cpu = r.cpuSeconds === undefined ? '—' : `${r.cpuSeconds.toFixed(0)} s`;
    const load = `${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}`;
    const row = `| ${n} | ${pages} | ${(r.ms / 1000).toFixed(1)} s | ${cpu} | ${load} | ${((r.ms / n)).toFixed(1)} ms | ${(r.peakKiB / 2 ** 20).toFixed(2)} GiB | ${kib(archive.raw)} (${kib(archive.gzip)} gz) | ${kib(incident.raw)} (${kib(incident.gzip)} gz) | ${kib(index)} (${kib(indexGzip)} gz) |`;
    console.log(row);
    rows.push(row);
    // The build's own table of phases (with COMMLOG_PROFILE=1), and whether Pagefind ever went silent (pagefindShard.ts).
    const phases = r.output.split('\n').filter((l) => l.startsWith('|') || /Pagefind did not answer/.test(l));
    if (phases.length) console.log(phases.join('\n'));
    if (hugo) {
      const out = join(tmpdir(), `commlog-bench-hugo-${n}`);
      rmSync(out, { recursive: true, force: true });
      const h = await run('hugo', ['--source', hugoSite(), '--contentDir', join(root, 'incidents'), '--destination', out, '--quiet'], {});
      if (h.code !== 0) throw new Error(`hugo build of ${n} failed:\n${h.output.slice(-4000)}`);
      hugoCold.push(h.ms);
      console.log(`  hugo cold: ${(h.ms / 1000).toFixed(1)} s, CPU ${h.cpuSeconds?.toFixed(0) ?? '—'} s, peak ${(h.peakKiB / 2 ** 20).toFixed(2)} GiB; load ${loadavg()[0].toFixed(1)}`);
      rmSync(out, { recursive: true, force: true });
    }
    const removeEntry = addEntry(root);
    try {
      const w = await run(process.execPath, [astro, 'build', '--outDir', dist], env);
      if (w.code !== 0) throw new Error(`warm build of ${n} failed:\n${w.output.slice(-4000)}`);
      warm.push(w.ms);
      console.log(`  warm rebuild after one new entry: ${(w.ms / 1000).toFixed(1)} s, CPU ${w.cpuSeconds?.toFixed(0) ?? '—'} s, peak ${(w.peakKiB / 2 ** 20).toFixed(2)} GiB; load ${loadavg()[0].toFixed(1)}`);
      console.log(w.output.split('\n').filter((l) => l.startsWith('|') || /from the build cache|Pagefind did not answer/.test(l)).join('\n'));
    } finally {
      removeEntry();
    }
    if (!values.keep) rmSync(dist, { recursive: true, force: true });
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const h = hugoCold.length ? median(hugoCold) : undefined;
  ratios.push(
    `| ${n} | ${runs} | ${s(median(cold))} | ${s(median(warm))} | ${h === undefined ? '—' : s(h)} | ${h === undefined ? '—' : (median(cold) / h).toFixed(2)} | ${h === undefined ? '—' : (median(warm) / h).toFixed(2)} |`,
  );
}
console.log('\n| incidents | pages | build (wall) | CPU (user+sys) | load average | wall per incident | peak memory (tree) | archive page | incident page (median id) | filter index (on first use) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
console.log('\n| incidents | runs | commlog cold (median) | commlog warm, one new entry (median) | Hugo cold (median) | cold / Hugo | warm / Hugo |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of ratios) console.log(r);
