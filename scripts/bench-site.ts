// Site build benchmark: builds the site from generated corpora (gen-corpus.mjs, the standard
// workload) and reports wall time, peak memory of the whole process tree (Astro, its worker
// thread and Pagefind, summed), and what a reader downloads for the archive and an incident page.
//
//   node scripts/bench-site.ts [--sizes 1000,10000] [--runs 1] [--keep]
//
// Corpora are generated once into /tmp/commlog-bench-<N> and reused; --keep keeps the builds.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const PROJECT = resolve(import.meta.dirname, '..');
const GENERATOR = resolve(PROJECT, '../shared/bench/gen-corpus.mjs');
const NOW = '2026-11-20T18:00:00Z';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } },
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
  if (existsSync(join(dir, 'incidents'))) return dir;
  const r = await run(process.execPath, [GENERATOR, '--out', dir, '--incidents', String(n), '--quiet'], {});
  if (r.code !== 0) throw new Error(r.output);
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

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rows: string[] = [];
console.log(`node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
for (const n of sizes) {
  const root = await corpus(n);
  for (let i = 0; i < runs; i++) {
    const dist = `/tmp/commlog-bench-dist-${n}`;
    rmSync(dist, { recursive: true, force: true });
    const loadBefore = loadavg()[0];
    const r = await run(process.execPath, [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
      COMMLOG_ROOT: root,
      COMMLOG_NOW: NOW,
      ASTRO_TELEMETRY_DISABLED: '1',
    });
    if (r.code !== 0) throw new Error(`build of ${n} failed:\n${r.output.slice(-4000)}`);
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
    if (!values.keep) rmSync(dist, { recursive: true, force: true });
  }
}
console.log('\n| incidents | pages | build (wall) | CPU (user+sys) | load average | wall per incident | peak memory (tree) | archive page | incident page (median id) | filter index (on first use) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
