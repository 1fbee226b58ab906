// The build cache (src/site/buildCache.ts): a warm rebuild after one new log entry, at a later
// Now, writes exactly the files a cold build of the same content at that Now writes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, newestEntry, PROJECT } from './buildSite.ts';

// The benchmark's generator (/work/shared/bench), beside the repository or beside a worktree's folder.
const GENERATOR = ['../shared', '../../shared'].map((d) => resolve(PROJECT, d, 'bench/gen-corpus.mjs')).find((f) => existsSync(f));
let root: string;
let warmLog: string;

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
  const entry = newestEntry(root);
  const aside = join(root, 'held-back-entry.md');
  renameSync(entry, aside);
  // Search shards of 10 incidents: the new entry changes one of six.
  const shards = { COMMLOG_SEARCH_SHARD_SIZE: '10' };
  astroBuild(root, join(root, 'first'), { ...shards, COMMLOG_NOW: '2026-11-20T12:00:00Z' });
  renameSync(aside, entry);
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
    const [, shards, built] = /in (\d+) shards, (\d+) built/.exec(warmLog)!.map(Number);
    expect(shards).toBe(6);
    expect(built).toBeGreaterThan(0);
    expect(built).toBeLessThan(6);
  });

  it('writes the same files as a cold build, byte for byte', () => {
    const warm = join(root, 'warm');
    const cold = join(root, 'cold');
    expect(filesUnder(warm)).toEqual(filesUnder(cold));
    const different = filesUnder(cold).filter((f) => !readFileSync(join(warm, f)).equals(readFileSync(join(cold, f))));
    expect(different).toEqual([]);
  });
});
