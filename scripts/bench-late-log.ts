// What late-log costs `commlog check`: the 10k workload (../shared/bench/gen-corpus.mjs) as a
// git repository whose incidents were committed over a few hundred commits (in the order they
// were opened, each commit authored on the day of the last opening in it), checked with late-log on and
// off, alternately, several times. Figures go to docs/performance.md.
//
//   node scripts/bench-late-log.ts [--dir /tmp/commlog-late-log-bench] [--incidents 10000] [--commits 300] [--runs 5]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/commlog-late-log-bench' },
    incidents: { type: 'string', default: '10000' },
    commits: { type: 'string', default: '300' },
    runs: { type: 'string', default: '5' },
  },
});
const PROJECT = resolve(import.meta.dirname, '..');
const GENERATOR = resolve(PROJECT, '../shared/bench/gen-corpus.mjs');
const NOW = '2026-11-20T18:00:00Z';
const repo = resolve(values.dir!);

function git(args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 28 });
}

if (!existsSync(join(repo, '.git'))) {
  if (!existsSync(join(repo, 'incidents'))) execFileSync(process.execPath, [GENERATOR, '--out', repo, '--incidents', values.incidents!, '--quiet'], { stdio: 'inherit' });
  git(['init', '-q', '-b', 'main']);
  // One `git fast-import` stream (a commit per batch of incidents) instead of `git add` and
  // `git commit` per batch, each of which rewrites an index of 200,000 files.
  const ids = readdirSync(join(repo, 'incidents')).sort();
  const size = Math.ceil(ids.length / Number(values.commits));
  const chunks: Buffer[] = [];
  const add = (text: string | Buffer) => chunks.push(typeof text === 'string' ? Buffer.from(text) : text);
  for (let c = 0; c * size < ids.length; c++) {
    const batch = ids.slice(c * size, (c + 1) * size);
    // Ids start with the opening date: the batch is committed on its last incident's day, 18:00 UTC.
    const seconds = Date.parse(`${batch.at(-1)!.slice(0, 10)}T18:00:00Z`) / 1000;
    const message = `incidents ${batch[0]} … ${batch.at(-1)}`;
    add(`commit refs/heads/main\nauthor bench <bench@example.com> ${seconds} +0000\ncommitter bench <bench@example.com> ${seconds} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    for (const id of batch) {
      for (const path of filesUnder(join(repo, 'incidents', id))) {
        const content = readFileSync(path);
        add(`M 100644 inline ${relative(repo, path)}\ndata ${content.length}\n`);
        add(content);
        add('\n');
      }
    }
  }
  execFileSync('git', ['-C', repo, 'fast-import', '--quiet'], { input: Buffer.concat(chunks), maxBuffer: 1 << 28 });
  // The index from HEAD, so that the files count as committed (not untracked).
  git(['reset', '-q']);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

const config = join(repo, 'commlog.config.yaml');
const base = existsSync(config) ? readFileSync(config, 'utf8').replace(/\nrules:\n {2}late-log: off\n$/, '') : '';
function check(lateLog: boolean): number {
  writeFileSync(config, lateLog ? base : `${base}\nrules:\n  late-log: off\n`);
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [join(PROJECT, 'bin/commlog.js'), 'check', '--root', repo, '--now', NOW, '--format', 'json'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${git(['rev-list', '--count', 'HEAD']).trim()} commits in ${repo}`);
check(true);
check(false);
const on: number[] = [];
const off: number[] = [];
for (let r = 0; r < Number(values.runs); r++) {
  on.push(check(true));
  off.push(check(false));
  console.log(`run ${r + 1}: late-log on ${on.at(-1)!.toFixed(2)} s, off ${off.at(-1)!.toFixed(2)} s`);
}
writeFileSync(config, base);
console.log(`median: on ${median(on).toFixed(2)} s, off ${median(off).toFixed(2)} s, ratio ${(median(on) / median(off)).toFixed(3)}`);
