import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STICKY_COMMENT_MARKER } from '../../github/pullRequestComment.ts';
import { FakeGitHub } from '../../github/testing/fakeGitHub.ts';
import type { CliIO } from '../io.ts';
import { commentCommand } from './comment.ts';

let github: FakeGitHub;
let dir: string;

const report = {
  version: 1,
  now: '2026-11-02T13:30:00Z',
  summary: { incidents: 1, entries: 2, errors: 0, warnings: 1 },
  incidents: [{ id: '2026-11-02-acme-checkout-500', status: 'open', priority: 'urgent', errors: 0, warnings: 1 }],
  findings: [
    {
      rule: 'ack',
      severity: 'warning',
      incident: '2026-11-02-acme-checkout-500',
      file: 'incidents/2026-11-02-acme-checkout-500/incident.md',
      line: 4,
      message: 'First reply at 09:45, after the 09:30 acknowledgement deadline',
      due: '2026-11-02T09:30:00+00:00',
    },
  ],
};

function event(prNumber: number, headRepo = 'acme/support-log') {
  return {
    pull_request: {
      number: prNumber,
      head: { sha: 'abcdef0123456789abcdef0123456789abcdef01', ref: 'log/acme', repo: { full_name: headRepo } },
      base: { ref: 'main', repo: { full_name: 'acme/support-log' } },
    },
  };
}

function run(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    env: { GITHUB_REPOSITORY: 'acme/support-log', GITHUB_API_URL: github.url, GITHUB_RUN_ID: '77', ...env },
    cwd: dir,
  };
  return commentCommand.run(args, io).then((code) => ({ code, stdout: out.join(''), stderr: err.join('') }));
}

beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
  dir = mkdtempSync(join(tmpdir(), 'commlog-comment-'));
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
});
afterEach(async () => {
  await github.stop();
  rmSync(dir, { recursive: true, force: true });
});

// The command runs with the production client, whose throttling spaces writes a second apart.
describe('commlog comment', { timeout: 20_000 }, () => {
  it('creates the sticky comment, then updates it on the next push', async () => {
    const pr = github.addPullRequest();
    writeFileSync(join(dir, 'event.json'), JSON.stringify(event(pr.number)));
    const first = await run(['--report', 'report.json', '--event', 'event.json'], { GITHUB_TOKEN: 'write-token' });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^created https:\/\/github.com\/acme\/support-log\/issues\/1#issuecomment-\d+\n⚠️ \*\*commlog: 0 errors, 1 warning\*\*/);

    writeFileSync(join(dir, 'report.json'), JSON.stringify({ ...report, summary: { ...report.summary, warnings: 0 }, incidents: [{ ...report.incidents[0], warnings: 0 }], findings: [] }));
    const second = await run(['--report', 'report.json', '--event', 'event.json'], { GITHUB_TOKEN: 'write-token' });
    expect(second.stdout).toMatch(/^updated /);

    const comments = github.commentsOn(pr.number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body.startsWith(STICKY_COMMENT_MARKER)).toBe(true);
    expect(comments[0].body).toContain('✅ **commlog: no findings**');
    expect(comments[0].body).toContain('[`abcdef0`](https://github.com/acme/support-log/commit/abcdef0123456789abcdef0123456789abcdef01)');
  });

  it('reports, exits 0 and leaves a warning annotation when a fork token may not comment', async () => {
    const pr = github.addPullRequest();
    writeFileSync(join(dir, 'event.json'), JSON.stringify(event(pr.number, 'contributor/support-log')));
    const result = await run(['--report', 'report.json', '--event', 'event.json'], { GITHUB_TOKEN: 'fork-token', GITHUB_ACTIONS: 'true' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('not commenting: pull request #1 comes from the fork contributor/support-log, whose workflow token is read-only');
    expect(result.stderr).toContain("the check step's annotations and job summary");
    expect(result.stdout).toMatch(/^::warning title=commlog comment::not commenting/);
    expect(github.commentsOn(pr.number)).toHaveLength(0);
  });

  it('prints the comment with --dry-run, touching nothing', async () => {
    writeFileSync(join(dir, 'event.json'), JSON.stringify(event(5)));
    const result = await run(['--report', 'report.json', '--event', 'event.json', '--dry-run'], {});
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`${STICKY_COMMENT_MARKER}\n\n⚠️`)).toBe(true);
    expect(result.stdout).toContain('https://github.com/acme/support-log/actions/runs/77');
    expect(github.requests).toHaveLength(0);
  });

  it('says what is missing: the report, the event, the token', async () => {
    await expect(run([], {})).rejects.toThrow('--report FILE is required');
    writeFileSync(join(dir, 'bad.json'), '{"version": 1}');
    await expect(run(['--report', 'bad.json'], {})).rejects.toThrow(/--report bad.json: not a commlog check report/);
    await expect(run(['--report', 'report.json'], {})).rejects.toThrow(/no pull request event/);
    writeFileSync(join(dir, 'push.json'), JSON.stringify({ ref: 'refs/heads/main' }));
    await expect(run(['--report', 'report.json', '--event', 'push.json'], {})).rejects.toThrow(/is not a pull_request event payload/);

    writeFileSync(join(dir, 'event.json'), JSON.stringify(event(1)));
    const noToken = await run(['--report', 'report.json', '--event', 'event.json'], {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('no GitHub token (set GITHUB_TOKEN with pull-requests: write)');
  });
});
