// `npm run bench`: the checker on the standard workload (../shared/bench/gen-corpus.mjs),
// against a floor program that only reads the files and parses their frontmatter, plus
// `check --since` with one changed incident. Figures go to docs/performance.md.
//
//   npm run bench [-- --sizes 1k,10k --runs 3 --dir /tmp/commlog-bench --skip-since --skip-site]
//
// The site build is measured by scripts/bench-site.ts, run last.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1k,10k' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string', default: process.env.COMMLOG_BENCH_DIR ?? '/tmp/commlog-bench' },
    'skip-since': { type: 'boolean', default: false },
    'skip-site': { type: 'boolean', default: false },
  },
});
const PROJECT = resolve(import.meta.dirname, '..');
const GENERATOR = resolve(PROJECT, '../shared/bench/gen-corpus.mjs');
const NOW = '2026-11-20T18:00:00Z';
const runs = Number(values.runs);
const node = process.execPath;

interface Measurement {
  seconds: number;
  maxRssKiB: number;
}

function measure(script: string, args: string[], cwd = PROJECT): Measurement & Record<string, unknown> {
  const out = execFileSync(node, [join(PROJECT, 'scripts/bench', script), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function corpus(size: string): string {
  const incidents = Number(size.replace(/k$/, '000'));
  const dir = join(values.dir!, `corpus-${size}`);
  if (!existsSync(join(dir, 'incidents'))) {
    console.log(`generating ${size} (${incidents} incidents) in ${dir} …`);
    execFileSync(node, [GENERATOR, '--out', dir, '--incidents', String(incidents), '--quiet'], { stdio: 'inherit' });
  }
  return dir;
}

const rows: string[] = [];
console.log(`Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
for (const size of values.sizes!.split(',')) {
  const dir = corpus(size);
  const checkArgs = ['check', '--root', dir, '--now', NOW, '--format', 'json'];
  measure('floor.ts', [dir]);
  measure('runCheck.ts', checkArgs); // warm the page cache and the caches of the OS
  const floors: Measurement[] = [];
  const leanFloors: Measurement[] = [];
  const checks: (Measurement & { code?: unknown })[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(measure('floor.ts', [dir]));
    leanFloors.push(measure('floor.ts', [dir, '--no-cache']));
    checks.push(measure('runCheck.ts', checkArgs));
  }
  const files = (floors[0] as unknown as { files: number }).files;
  const floor = median(floors.map((m) => m.seconds));
  const lean = median(leanFloors.map((m) => m.seconds));
  const check = median(checks.map((m) => m.seconds));
  const rss = Math.max(...checks.map((m) => m.maxRssKiB)) / 1024;
  const row = `| ${size} | ${files.toLocaleString('en')} | ${floor.toFixed(2)} s | ${lean.toFixed(2)} s | ${check.toFixed(2)} s | ${(check / floor).toFixed(2)} | ${(check / lean).toFixed(2)} | ${Math.round(files / check).toLocaleString('en')} | ${rss.toFixed(0)} MiB |`;
  rows.push(row);
  console.log(`${size}: floor ${floor.toFixed(2)} s (without gray-matter's cache ${lean.toFixed(2)} s), check ${check.toFixed(2)} s (exit ${checks[0].code}), ratio ${(check / floor).toFixed(2)} (${(check / lean).toFixed(2)}), ${Math.round(files / check)} files/s, peak RSS ${rss.toFixed(0)} MiB`);
}
console.log('\n| corpus | files | floor: `matter(text)` | floor: `matter(text, {})` | check | check / floor | check / floor without cache | files/s | check peak RSS |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);

if (!values['skip-since']) {
  // check --since in a git repository of the largest corpus with one incident changed.
  const size = values.sizes!.split(',').pop()!;
  const repo = join(values.dir!, `git-${size}`);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: repo, stdio: 'ignore' });
  if (!existsSync(join(repo, '.git'))) {
    console.log(`\npreparing a git repository of ${size} in ${repo} …`);
    cpSync(corpus(size), repo, { recursive: true });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'corpus');
  }
  const [id] = execFileSync('git', ['ls-tree', '--name-only', 'HEAD', 'incidents/'], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
  const entry = join(repo, id, 'log', '2026-11-20T1755-email-in.md');
  writeFileSync(entry, '---\nat: 2026-11-20T17:55\ndirection: inbound\nchannel: email\ncontact: A Client\nauthor: bench\nsummary: One more message\n---\n');
  const since = Array.from({ length: runs }, () => measure('runCheck.ts', ['check', '--root', repo, '--now', NOW, '--since', 'HEAD', '--format', 'json']));
  execFileSync('git', ['clean', '-qfd', 'incidents/'], { cwd: repo });
  console.log(`\ncheck --since HEAD, one incident changed in ${size}: ${median(since.map((m) => m.seconds)).toFixed(2)} s (median of ${runs}), peak RSS ${(Math.max(...since.map((m) => m.maxRssKiB)) / 1024).toFixed(0)} MiB`);
}

if (!values['skip-site']) {
  console.log('\nsite build (scripts/bench-site.ts):');
  execFileSync(node, [join(PROJECT, 'scripts/bench-site.ts')], { stdio: 'inherit', cwd: PROJECT });
}
