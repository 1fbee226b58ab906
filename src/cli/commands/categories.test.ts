import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commlog } from './writingTestKit.ts';

// The bundled examples: grouped categories in the config, one category per incident.
const PROJECT = join(import.meta.dirname, '../../..');
const run = (...args: string[]) => commlog(['categories', '--root', PROJECT, '--now', '2026-11-20T18:00Z', ...args], PROJECT);

describe('commlog categories', () => {
  it('prints each group of the config with its categories, the never-used ones and the uncategorised share', async () => {
    const result = await run();
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^availability:\n {2}outage +2 incidents +2 entries +2026-05-12 → 2026-09-14\n/m);
    expect(result.stdout).toMatch(/^ {2}login +never used$/m);
    expect(result.stdout).toMatch(/^Never used \(candidates to retire\): login, data-export, data-exposure$/m);
    expect(result.stdout).toMatch(/^Uncategorised: 0 of 10 incidents \(0%\), \d+ of \d+ entries \(\d+%\)$/m);
  });

  it('prints one JSON document, and --since leaves earlier uses out', async () => {
    const all = JSON.parse((await run('--format', 'json')).stdout);
    expect(all.version).toBe(1);
    expect(all.configured).toBe(true);
    const outage = all.categories.find((c: { category: string }) => c.category === 'outage');
    expect(outage).toEqual({ category: 'outage', group: 'availability', incidents: 2, entries: 2, first_use: '2026-05-12T13:47:00+01:00', last_use: '2026-09-14T08:52:00+01:00' });
    const recent = JSON.parse((await run('--format', 'json', '--since', '2026-09-01')).stdout);
    expect(recent.since).toBe('2026-09-01T00:00:00+01:00');
    expect(recent.categories.find((c: { category: string }) => c.category === 'outage')).toMatchObject({ incidents: 1, first_use: '2026-09-14T08:52:00+01:00' });
    expect(recent.uncategorised.ofIncidents).toBeLessThan(all.uncategorised.ofIncidents);
  });

  it('refuses a --since that is not a date or timestamp', async () => {
    const result = await run('--since', 'last week');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--since "last week"/);
  });
});
