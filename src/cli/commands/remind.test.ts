import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../../github/testing/fakeGitHub.ts';
import type { CliIO } from '../io.ts';
import { remindCommand } from './remind.ts';

const ID = '2026-11-02-acme-checkout-500';
let github: FakeGitHub;
let root: string;

function write(path: string, text: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

function run(args: string[], env: Record<string, string> = { GITHUB_TOKEN: 'write-token' }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    env: { GITHUB_REPOSITORY: 'acme/support-log', GITHUB_API_URL: github.url, ...env },
    cwd: root,
  };
  return remindCommand.run(args, io).then((code) => ({ code, stdout: out.join(''), stderr: err.join('') }));
}

beforeEach(async () => {
  github = new FakeGitHub({ assignable: ['alice-gh', 'bob-gh'] });
  await github.start();
  root = mkdtempSync(join(tmpdir(), 'commlog-remind-'));
  write('commlog.config.yaml', 'timezone: Europe/London\ngithub:\n  logins: { alice: alice-gh, bob: bob-gh }\n  labels: [commlog, reminder]\n');
  write(
    `incidents/${ID}/incident.md`,
    [
      '---',
      'title: Checkout returns 500',
      'client: Acme',
      'opened_at: 2026-11-02T09:00',
      'reporter: Jane Client',
      'priority: urgent',
      'status: open',
      'pm: { name: Pat Manager, email: pm@ours.example }',
      'owner: alice',
      'backup: bob',
      '---',
      '',
      'Checkout fails for every customer.',
      '',
    ].join('\n'),
  );
  write(
    `incidents/${ID}/log/2026-11-02T1005-email-out.md`,
    [
      '---',
      'at: 2026-11-02T10:05',
      'direction: outbound',
      'channel: email',
      'contact: Jane Client',
      'cc: [pm@ours.example]',
      'author: alice',
      'summary: Found the failing payment call; fix in progress.',
      'next_update_by: 2026-11-02T11:05',
      '---',
      '',
    ].join('\n'),
  );
});
afterEach(async () => {
  await github.stop();
  rmSync(root, { recursive: true, force: true });
});

// The command runs with the production client, whose throttling spaces writes a second apart.
describe('commlog remind', { timeout: 20_000 }, () => {
  it('opens an issue for the overdue incident, then changes nothing on a second run', async () => {
    const first = await run(['--now', '2026-11-02T13:30']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^opened #1 for ${ID}: \\[commlog\\] ${ID}: \\d+ overdue.* \\(assigned to alice-gh, bob-gh\\)\\n`));
    const issue = github.issues.get(1)!;
    expect(issue.labels).toEqual(['commlog', 'reminder']);
    expect(issue.assignees).toEqual(['alice-gh', 'bob-gh']);
    expect(issue.body).toContain('`max-gap`');
    expect(issue.body).toContain('2026-11-02 13:05 GMT');
    expect(issue.body).toContain('cc%3A%20%5Bpm%40ours.example%5D');

    const writes = github.writes().length;
    const second = await run(['--now', '2026-11-02T13:31']);
    expect(second.stdout).toBe('nothing to change; 1 open reminder issue already up to date\n');
    expect(github.writes()).toHaveLength(writes);
  });

  it('closes the issue once the update is logged', async () => {
    await run(['--now', '2026-11-02T13:30']);
    write(
      `incidents/${ID}/log/2026-11-02T1335-email-out.md`,
      [
        '---',
        'at: 2026-11-02T13:35',
        'direction: outbound',
        'channel: email',
        'contact: Jane Client',
        'cc: [pm@ours.example]',
        'author: alice',
        'summary: Fix deployed to staging; production at 15:00.',
        'next_update_by: 2026-11-02T15:00',
        '---',
        '',
      ].join('\n'),
    );
    const result = await run(['--now', '2026-11-02T13:40']);
    expect(result.stdout).toMatch(new RegExp(`^closed #1 for ${ID}: Closing: nothing is overdue or due soon`));
    expect(github.issues.get(1)!.state).toBe('closed');
  });

  it('prints the plan with --dry-run and writes nothing', async () => {
    const result = await run(['--now', '2026-11-02T13:30', '--dry-run'], { GITHUB_TOKEN: 'fork-token' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^would open an issue for ${ID}: `));
    expect(result.stdout).toContain('1 change planned');
    expect(github.writes()).toHaveLength(0);
    expect(github.issues.size).toBe(0);
  });

  it('honours --within: an obligation due later than the lead time is not reminded of', async () => {
    // At 10:30 the promised 11:05 update is 35 minutes away: outside 30m, inside 1h.
    expect((await run(['--now', '2026-11-02T10:30', '--dry-run'])).stdout).toBe('nothing to change; 0 open reminder issues already up to date\n');
    expect((await run(['--now', '2026-11-02T10:30', '--dry-run', '--within', '1h'])).stdout).toMatch(/^would open an issue for .*: 1 due soon/);
  });

  it('exits 2 with one line for a missing token, repository or bad flag, and for a token that may not write', async () => {
    const noToken = await run(['--now', '2026-11-02T13:30'], {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/^commlog remind: no GitHub token: set GITHUB_TOKEN/);

    await expect(run(['--within', 'soon'])).rejects.toThrow('--within "soon": expected a duration');
    await expect(run(['--repo', 'not a repo'])).rejects.toThrow('--repo "not a repo": expected OWNER/NAME');

    const readOnly = await run(['--now', '2026-11-02T13:30'], { GITHUB_TOKEN: 'fork-token' });
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr).toMatch(/^commlog remind: could not open a reminder issue for .*: GitHub answered 403 .*`issues: write`/);
  });
});
