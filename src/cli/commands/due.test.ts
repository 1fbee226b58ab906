import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';

const PROJECT = join(import.meta.dirname, '../../..');

async function due(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['due', ...argv], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: PROJECT });
  return { code, stdout, stderr };
}

interface Obligation {
  incident: string;
  rule: string;
  due: string;
  overdue: boolean;
  message: string;
}

describe('commlog due on the bundled examples', () => {
  it('lists the obligations of open incidents only, overdue first, then by time', async () => {
    const { code, stdout } = await due('--now', '2026-11-24T12:00', '--format', 'json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { version: number; now: string; obligations: Obligation[] };
    expect(doc).toMatchObject({ version: 1, now: '2026-11-24T12:00:00Z' });
    const open = ['2026-11-18-kestrel-rent-statement-arrears', '2026-11-09-meridian-eta-emails-wrong-timezone'];
    expect(new Set(doc.obligations.map((o) => o.incident))).toEqual(new Set(open));
    const overdue = doc.obligations.filter((o) => o.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(doc.obligations.slice(0, overdue.length)).toEqual(overdue);
    for (const part of [overdue, doc.obligations.filter((o) => !o.overdue)]) {
      const times = part.map((o) => Date.parse(o.due));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    for (const o of doc.obligations) expect(o.overdue).toBe(Date.parse(o.due) < Date.parse('2026-11-24T12:00:00Z'));
  });

  it('keeps only deadlines within --within', async () => {
    const all = JSON.parse((await due('--now', '2026-11-20T16:00', '--format', 'json')).stdout).obligations as Obligation[];
    const soon = JSON.parse((await due('--now', '2026-11-20T16:00', '--format', 'json', '--within', '96h')).stdout).obligations as Obligation[];
    const limit = Date.parse('2026-11-20T16:00:00Z') + 4 * 24 * 3_600_000;
    expect(soon).toEqual(all.filter((o) => Date.parse(o.due) < limit));
    expect(soon.length).toBeLessThan(all.length);
  });

  it('prints one line per obligation for people', async () => {
    const { stdout } = await due('--now', '2026-11-20T16:00');
    expect(stdout).toMatch(/^due {5}2026-11-23 16:30 GMT {2}2026-11-18-kestrel-rent-statement-arrears {2}window$/m);
    expect(stdout).toMatch(/\d+ obligations, 0 overdue\.\n$/);
  });

  it('refuses a bad --within', async () => {
    const { code, stderr } = await due('--within', 'soon');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--within "soon": expected a duration/);
  });
});
