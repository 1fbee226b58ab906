import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient, GitHubError, type Octokit } from '../client.ts';
import { FakeGitHub } from '../testing/fakeGitHub.ts';
import { applyReminderActions, listReminderIssues } from './execute.ts';
import { planReminders, type Obligation, type RemindIncident, type RemindSettings } from './plan.ts';

const MIN = 60_000;
const t0 = Date.parse('2026-11-02T13:30:00Z');

const incident: RemindIncident = { id: '2026-11-02-acme-checkout-500', title: 'Checkout returns 500', client: 'Acme', status: 'open', priority: 'urgent', owner: 'alice', backup: 'bob', zone: 'Europe/London' };
const overdue: Obligation = { incident: incident.id, zone: incident.zone, rule: 'max-gap', due: Date.parse('2026-11-02T13:05:00Z'), overdue: false, message: 'next update was due by 13:05' };

let github: FakeGitHub;
let warnings: string[];

function client(token = 'write-token'): Octokit {
  return createGitHubClient({ token, baseUrl: github.url, retryBaseMs: 1, throttle: false, log: { warn: (m) => warnings.push(m) } });
}

function settings(): RemindSettings {
  return { logins: { alice: 'alice-gh', bob: 'bob-gh' }, labels: ['commlog'], within: 30 * MIN, serverUrl: 'https://github.com', repository: `${github.owner}/${github.repo}`, branch: 'main' };
}

/** One `commlog remind` run: read the issues, plan, apply. */
async function remind(now: number, obligations: Obligation[], incidents: RemindIncident[] = [incident], token = 'write-token') {
  const octokit = client(token);
  const repository = { owner: github.owner, repo: github.repo };
  const issues = await listReminderIssues(octokit, repository, settings().labels);
  const actions = planReminders({ incidents, obligations, issues, now, settings: settings() });
  return applyReminderActions(octokit, repository, actions, { warn: (m) => warnings.push(m) });
}

function reminders() {
  return [...github.issues.values()].filter((i) => !i.pull_request && i.labels.includes('commlog'));
}

beforeEach(async () => {
  github = new FakeGitHub({ assignable: ['alice-gh', 'bob-gh'] });
  warnings = [];
  await github.start();
});
afterEach(() => github.stop());

describe('commlog remind against a GitHub REST server', () => {
  it('opens an issue, updates it as the situation changes, closes it when nothing is owed', async () => {
    await remind(t0, [{ ...overdue, overdue: true }]);
    expect(reminders()).toHaveLength(1);
    const [issue] = reminders();
    expect(issue).toMatchObject({ state: 'open', title: '[commlog] 2026-11-02-acme-checkout-500: 1 overdue', labels: ['commlog'], assignees: ['alice-gh', 'bob-gh'] });

    const promised: Obligation = { incident: incident.id, zone: incident.zone, rule: 'next-update-late', due: t0 + 20 * MIN, overdue: false, message: 'promised update by 13:50' };
    await remind(t0 + 5 * MIN, [{ ...overdue, overdue: true }, promised]);
    expect(reminders()).toHaveLength(1);
    expect(issue.title).toBe('[commlog] 2026-11-02-acme-checkout-500: 1 overdue, 1 due soon');
    expect(issue.body).toContain('promised update by 13:50');

    await remind(t0 + 10 * MIN, []);
    expect(issue.state).toBe('closed');
    expect(issue.state_reason).toBe('completed');
    expect(github.commentsOn(issue.number).at(-1)?.body).toMatch(/^Closing: nothing is overdue or due soon/);
  });

  it('changes nothing when run twice in a row', async () => {
    await remind(t0, [{ ...overdue, overdue: true }]);
    const writes = github.writes().length;
    const second = await remind(t0 + 1 * MIN, [{ ...overdue, overdue: true }]);
    expect(github.writes()).toHaveLength(writes);
    expect(second.map((a) => a.action.kind)).toEqual(['nothing']);

    await remind(t0 + 2 * MIN, []);
    const afterClose = github.writes().length;
    await remind(t0 + 3 * MIN, []);
    expect(github.writes()).toHaveLength(afterClose);
  });

  it('reopens its issue, with a comment, when the incident owes something again', async () => {
    await remind(t0, [{ ...overdue, overdue: true }]);
    await remind(t0 + MIN, []);
    const later: Obligation = { ...overdue, rule: 'window', window: 'end-of-day', due: Date.parse('2026-11-02T16:30:00Z'), overdue: true, message: 'no end-of-day update' };
    await remind(Date.parse('2026-11-02T16:45:00Z'), [later]);

    expect(reminders()).toHaveLength(1);
    const [issue] = reminders();
    expect(issue.state).toBe('open');
    expect(github.commentsOn(issue.number).at(-1)?.body).toMatch(/^Reopened: something is owed again\.\n\n- `window` \(end-of-day\), due 2026-11-02 16:30 GMT/);
  });

  it('trusts only issues a bot opened with the label and the marker: a copied marker steers nothing', async () => {
    const marker = (assigned: string[]) => `<!-- commlog:remind {"incident":"${incident.id}","overdue":[],"assigned":${JSON.stringify(assigned)}} -->`;
    const byPerson = github.addIssue({ title: 'looks like a reminder', labels: ['commlog'], body: marker(['mallory']), assignees: ['alice-gh'] });
    const unlabelled = github.addIssue({ title: 'a bot issue without the label', body: marker([]), user: { login: 'github-actions[bot]', type: 'Bot' } });

    await remind(t0, [{ ...overdue, overdue: true }]);
    const ours = reminders().filter((i) => i.title.startsWith('[commlog]'));
    expect(ours).toHaveLength(1);
    expect(ours[0].user.login).toBe('github-actions[bot]');
    const touched = new Set(github.writes().map((r) => r.path));
    for (const other of [byPerson, unlabelled]) {
      expect(other.state).toBe('open');
      expect([...touched].filter((p) => p.includes(`/issues/${other.number}`))).toEqual([]);
    }
  });

  it('finds its issues across pages of the issue list, ignoring pull requests and other issues', async () => {
    await remind(t0, [{ ...overdue, overdue: true }]);
    for (let i = 0; i < 230; i++) github.addIssue({ title: `unrelated ${i}`, labels: ['commlog'], body: 'someone else used the label' });
    github.addPullRequest();

    await remind(t0 + MIN, [{ ...overdue, overdue: true }]);
    expect(reminders().filter((i) => i.title.startsWith('[commlog]'))).toHaveLength(1);
    const listing = github.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/issues'));
    expect(listing.at(-1)?.query).toMatchObject({ state: 'all', labels: 'commlog', per_page: '100', page: '3' });
  });

  it('opens the issue unassigned, with a warning, when GitHub refuses an assignee', async () => {
    github.failNext('POST', /\/issues$/, 422);
    await remind(t0, [{ ...overdue, overdue: true }]);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0].assignees).toEqual([]);
    expect(warnings.join('\n')).toMatch(/could not assign alice-gh, bob-gh to the reminder for 2026-11-02-acme-checkout-500/);
  });

  it('retries a 502 while opening the issue, and opens it once', async () => {
    github.failNext('POST', /\/issues$/, 502, 2);
    await remind(t0, [{ ...overdue, overdue: true }]);
    expect(reminders()).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues'))).toHaveLength(3);
  });

  it('fails with a clear message when the token may not write issues', async () => {
    const error = await remind(t0, [{ ...overdue, overdue: true }], [incident], 'fork-token').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toMatch(/could not open a reminder issue for 2026-11-02-acme-checkout-500: GitHub answered 403 .*lacks the permission `issues: write`/);
  });
});
