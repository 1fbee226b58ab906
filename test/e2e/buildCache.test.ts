// The build cache (src/site/buildCache.ts): a warm rebuild after one new log entry, at a later
// Now, writes exactly the files a cold build of the same content at that Now writes.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, newestEntry, PROJECT } from './buildSite.ts';

// The benchmark's generator (/work/shared/bench), beside the repository or beside a worktree's folder.
const GENERATOR = ['../shared', '../../shared'].map((d) => resolve(PROJECT, d, 'bench/gen-corpus.mjs')).find((f) => existsSync(f));
let root: string;
let warmLog: string;
const EDIT = 'Paragraph added after the commit, not committed.';

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

beforeAll(() => {
  if (!GENERATOR) return;
  root = mkdtempSync(join(tmpdir(), 'commlog-build-cache-'));
  // 60 incidents over three years: most closed long ago, some open, some resolved of late.
  execFileSync(process.execPath, [GENERATOR!, '--out', root, '--incidents', '60', '--quiet']);
  // A git work tree: the warm build keys files git knows unmodified by their blob ids
  // (src/node/gitIndex.ts) and reads the others. The commit's date is fixed: the trends page's
  // logging delay is read from it.
  const date = '2026-11-19T09:00:00Z';
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  git('init', '-q');
  git('add', 'incidents');
  git('commit', '-qm', 'corpus');
  const entry = newestEntry(root);
  const aside = join(root, 'held-back-entry.md');
  renameSync(entry, aside);
  // Search shards of 10 incidents (tail shards of 3): the new entry changes a tail shard.
  const shards = { COMMLOG_SEARCH_SHARD_SIZE: '10' };
  astroBuild(root, join(root, 'first'), { ...shards, COMMLOG_NOW: '2026-11-20T12:00:00Z' });
  renameSync(aside, entry);
  // A committed file edited and not committed: git's index no longer vouches for it.
  const oldest = readdirSync(join(root, 'incidents')).sort()[0];
  appendFileSync(join(root, 'incidents', oldest, 'incident.md'), `\n${EDIT}\n`);
  warmLog = astroBuild(root, join(root, 'warm'), { ...shards, COMMLOG_NOW: '2026-11-27T18:00:00Z' });
  astroBuild(root, join(root, 'cold'), { ...shards, COMMLOG_NOW: '2026-11-27T18:00:00Z', COMMLOG_BUILD_CACHE: 'off' });
}, 900_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!GENERATOR)('a warm rebuild', () => {
  it('reuses the incidents that did not change', () => {
    const reused = Number(/(\d+) of 60 incidents from the build cache/.exec(warmLog)?.[1]);
    // The changed incident and those whose findings still move with Now are made again.
    expect(reused).toBeGreaterThan(40);
    expect(reused).toBeLessThan(60);
    // Shards whose incidents are all reused are not built again.
    const [, records, shards, built] = /(\d+) incidents in (\d+) shards, (\d+) built/.exec(warmLog)!.map(Number);
    // Full shards of 10, then the newest incidents in tail shards of 3 (searchShards.ts).
    expect(shards).toBe(Math.floor(records / 10) + Math.ceil((records % 10) / 3));
    // At least the shard of the edited oldest incident and the tail shard of the new entry.
    expect(built).toBeGreaterThanOrEqual(2);
    expect(built).toBeLessThan(shards);
  });

  it('keeps the shards the warm build uses and removes the replaced ones, once they are built', () => {
    const [, , shards] = /(\d+) incidents in (\d+) shards/.exec(warmLog)!.map(Number);
    const [cache] = readdirSync(join(root, '.build-cache'));
    const kept = readdirSync(join(root, '.build-cache', cache, 'search'));
    expect(kept).toHaveLength(shards);
    expect(kept.filter((name) => !/^[0-9a-f]{64}$/.test(name))).toEqual([]);
  });

  it('rebuilds an incident whose committed file was edited since (not keyed by its stale blob id)', () => {
    const pages = filesUnder(join(root, 'warm')).filter((f) => f.endsWith('.html'));
    expect(pages.some((f) => readFileSync(join(root, 'warm', f), 'utf8').includes(EDIT))).toBe(true);
  });

  it('shows the median logging delay from git\'s history, every published entry committed', () => {
    const row = (build: string) => /<tr><th scope="row">Median time from a contact to its entry in the log<\/th><td class="num">([^<]+)<\/td><td>(\d+) of (\d+) entries<\/td><\/tr>/.exec(readFileSync(join(root, build, 'trends/index.html'), 'utf8'));
    const [, median, timed, entries] = row('warm')!;
    expect(median).toMatch(/^\d/);
    expect(Number(timed)).toBeGreaterThan(0);
    expect(timed).toBe(entries);
    expect(row('cold')!.slice(1)).toEqual([median, timed, entries]);
  });

  it('writes the same files as a cold build, byte for byte', () => {
    const warm = join(root, 'warm');
    const cold = join(root, 'cold');
    expect(filesUnder(warm)).toEqual(filesUnder(cold));
    const different = filesUnder(cold).filter((f) => !readFileSync(join(warm, f)).equals(readFileSync(join(cold, f))));
    expect(different).toEqual([]);
  });
});
