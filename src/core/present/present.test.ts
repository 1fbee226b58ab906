import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../time/timestamp.ts';
import { formatDuration } from './duration.ts';
import { formatLocal, formatLocalPair } from './instant.ts';
import { plural } from './plural.ts';
import { COMMLOG_REPOSITORY_URL, ruleDocsAddress } from './ruleDocs.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('plural', () => {
  it('puts the noun in the number of the count', () => {
    expect([plural(0, 'incident'), plural(1, 'incident'), plural(2, 'incident')]).toEqual(['0 incidents', '1 incident', '2 incidents']);
    expect([plural(1, 'log entry', 'log entries'), plural(3, 'log entry', 'log entries')]).toEqual(['1 log entry', '3 log entries']);
  });
});

describe('formatDuration: one wording everywhere', () => {
  it.each([
    [45 * MINUTE, '45m'],
    [2 * HOUR, '2h'],
    [3 * HOUR + 15 * MINUTE, '3h15m'],
    // issue 17: "24h 38m" beside "2d 0h" — one form, no spaces, no zero parts
    [24 * HOUR + 38 * MINUTE, '24h38m'],
    [47 * HOUR + 59 * MINUTE, '47h59m'],
    [48 * HOUR, '2d'],
    [52 * HOUR + 20 * MINUTE, '2d4h'],
    // issue 17: "No update for 42652h"
    [42652 * HOUR, '1777d4h'],
    [30_000, '30s'],
    [0, '0m'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("reads back as the data's duration under two days", () => {
    for (const text of ['30m', '3h', '1h30m', '47h59m']) {
      const [, h, m] = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(text)!;
      expect(formatDuration(((+(h ?? 0)) * 60 + +(m ?? 0)) * MINUTE)).toBe(text);
    }
  });
});

describe('formatLocalPair', () => {
  const zone = 'Europe/London';
  const at = (text: string) => parseTimestamp(text, zone);

  it('shows seconds when they are what differs (issue 17: "resolved_at (10:14) is before opened_at (10:14)")', () => {
    expect(formatLocalPair(at('2026-11-02T10:14:05'), at('2026-11-02T10:14:40'), zone)).toEqual(['2026-11-02 10:14:05 GMT', '2026-11-02 10:14:40 GMT']);
  });

  it('keeps to the minute otherwise', () => {
    expect(formatLocalPair(at('2026-11-02T10:13:59'), at('2026-11-02T10:14:40'), zone)).toEqual(['2026-11-02 10:13 GMT', '2026-11-02 10:14 GMT']);
    expect(formatLocal(at('2026-07-02T10:14'), zone)).toBe('2026-07-02 10:14 BST');
  });
});

describe('ruleDocsAddress', () => {
  it("opens the rule's section of docs/rules.md in the repository package.json names", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { repository: { url: string } };
    expect(pkg.repository.url).toBe(`git+${COMMLOG_REPOSITORY_URL}.git`);
    expect(ruleDocsAddress('docs/rules.md#max-gap')).toBe(`${COMMLOG_REPOSITORY_URL}/blob/main/docs/rules.md#max-gap`);
  });

  it('is the one address every package of this repository names (change it here and there together)', () => {
    for (const path of ['../../../package.json', '../../../packages/create-commlog/package.json']) {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { repository: { url: string }; homepage: string };
      expect(pkg.repository.url, path).toBe(`git+${COMMLOG_REPOSITORY_URL}.git`);
      expect(pkg.homepage, path).toBe(`${COMMLOG_REPOSITORY_URL}#readme`);
    }
    const createReadme = readFileSync(new URL('../../../packages/create-commlog/README.md', import.meta.url), 'utf8');
    expect(createReadme).toContain(`(${COMMLOG_REPOSITORY_URL})`);
  });
});
