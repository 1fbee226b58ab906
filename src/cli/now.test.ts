// `--now` on every command that reads the clock: each gives the same answer whenever it runs,
// and a bad --now is a usage error naming the flag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commlog, copyFixture, OPEN_INCIDENT, RESOLVED_INCIDENT } from './commands/writingTestKit.ts';

let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => dispose());

describe('--now', () => {
  it('new entry: `at` is --now, to the minute, when --at is not given', async () => {
    const result = await commlog(['new', 'entry', OPEN_INCIDENT, '--root', root, '--now', '2026-11-02T12:07:42', '--direction', 'internal', '--channel', 'other', '--summary', 'Now.'], root);
    expect(result.stdout).toBe(`incidents/${OPEN_INCIDENT}/log/2026-11-02T1207-other-note.md\n`);
    expect(readFileSync(join(root, result.stdout.trim()), 'utf8')).toMatch(/^at: 2026-11-02T12:07$/m);
  });

  it('new incident: `opened_at` is --now when --opened-at is not given', async () => {
    const result = await commlog(
      ['new', 'incident', '--root', root, '--now', '2026-11-05T09:30Z', '--title', 'Search is slow', '--client', 'Acme Stores Ltd', '--reporter', 'Ana Silva <ana@acme.example>', '--priority', 'low', '--pm', 'Priya Natarajan <priya@fieldstone.example>'],
      root,
    );
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, result.stdout.trim()), 'utf8')).toMatch(/^opened_at: 2026-11-05T09:30$/m);
  });

  it('confirm: the e-mail draft is dated --now', async () => {
    const result = await commlog(['confirm', OPEN_INCIDENT, '2026-11-02T1015-phone-out', '--root', root, '--format', 'eml', '--now', '2026-11-02T10:30Z'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Date: Mon, 02 Nov 2026 10:30:00 \+0000$/m);
  });

  it.each([
    [['report', RESOLVED_INCIDENT]],
    [['confirm', OPEN_INCIDENT, '2026-11-02T1015-phone-out']],
    [['new', 'entry', OPEN_INCIDENT, '--direction', 'internal', '--channel', 'other', '--summary', 'x']],
    [['import-email', join(import.meta.dirname, 'commands/fixtures/email/gmail-reply-from-client.eml'), OPEN_INCIDENT]],
  ])('%j refuses a bad --now with exit 2, writing nothing', async (argv) => {
    const result = await commlog([...argv, '--root', root, '--now', 'yesterday'], root);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/--now "yesterday": /);
  });
});
