// A search shard is built by the real Pagefind; when Pagefind stops answering (as it once did in a
// 10k build, forever), the shard is built again with a new process, and a second silence fails
// with a message naming the shard instead of hanging the build.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { buildShard, IN_FLIGHT, type PagefindApi } from './pagefindShard.ts';

const dir = mkdtempSync(join(tmpdir(), 'commlog-pagefind-shard-'));
const records = join(dir, 'records');
// More than two batches, the last one short.
const ids = Array.from({ length: IN_FLIGHT * 2 + 3 }, (_, i) => `2026-03-${String(1 + (i % 28)).padStart(2, '0')}-incident-${String(i).padStart(3, '0')}`);
mkdirSync(records);

function writeRecords(): void {
  for (const [i, id] of ids.entries()) {
    const content = `<html lang="en"><body><h1>Checkout outage ${i}</h1><section id="entry-${i}" data-pagefind-title="Entry ${i}"><p>Gateway timeout number ${i} seen by client ${i % 5}.</p></section></body></html>`;
    writeFileSync(join(records, `${id}.search.json`), JSON.stringify({ url: `/incidents/${id}/`, content }));
  }
}

function filesUnder(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const d of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (d.isFile()) files.set(relative(folder, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name)));
  }
  return files;
}

/** The real Pagefind, except that the request `silentAt` (0-based, counting records and writes) of the first `times` indexes is never answered. */
function silentPagefind(silentAt: number, times: number): PagefindApi & { indexes: number } {
  const api = {
    indexes: 0,
    close: pagefind.close,
    async createIndex(config?: Parameters<typeof pagefind.createIndex>[0]) {
      const created = await pagefind.createIndex(config);
      const silent = api.indexes++ < times;
      let requests = 0;
      const never = new Promise<never>(() => {});
      const real = created.index!;
      const index: typeof real = {
        ...real,
        addHTMLFile: (file) => (silent && requests++ === silentAt ? never : real.addHTMLFile(file)),
        writeFiles: (options) => (silent && requests++ === silentAt ? never : real.writeFiles(options)),
      };
      return { ...created, index };
    },
  };
  return api;
}

afterAll(async () => {
  await pagefind.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('buildShard', () => {
  const job = (target: string) => ({ name: 'search shard pagefind-1 (test)', records, ids, target: join(dir, target) });

  it('writes the shard Pagefind builds from the records, in id order', async () => {
    writeRecords();
    await buildShard(job('plain'));
    const files = filesUnder(join(dir, 'plain'));
    expect(files.has('pagefind-entry.json')).toBe(true);
    const fragments = [...files.keys()].filter((f) => f.startsWith('fragment/'));
    expect(fragments).toHaveLength(ids.length);
    // Nothing left beside it.
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  }, 60_000);

  it('builds the shard again with a new Pagefind when one stops answering, the same files as without', async () => {
    const api = silentPagefind(IN_FLIGHT + 1, 1);
    const told: string[] = [];
    await buildShard({ ...job('after-silence'), retrying: (why) => told.push(why) }, api, 2_000);
    expect(api.indexes).toBe(2);
    expect(told).toEqual([
      `Search index: Pagefind did not answer while building search shard pagefind-1 (test) (adding the records of ${ids[IN_FLIGHT]} to ${ids[2 * IN_FLIGHT - 1]}, no answer in 2 s): building it again with a new Pagefind process.`,
    ]);
    expect(filesUnder(join(dir, 'after-silence'))).toEqual(filesUnder(join(dir, 'plain')));
  }, 60_000);

  it('fails, naming the shard and the step, when Pagefind is silent twice', async () => {
    const api = silentPagefind(ids.length, 2);
    await expect(buildShard(job('never'), api, 2_000)).rejects.toThrow(
      /^Search index: Pagefind did not answer while building search shard pagefind-1 \(test\), twice \(writing its files, no answer in 2 s\)/,
    );
    expect(api.indexes).toBe(2);
  }, 60_000);
});
