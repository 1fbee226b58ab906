import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient, GitHubError, type Octokit } from './client.ts';
import { STICKY_COMMENT_MARKER } from './pullRequestComment.ts';
import { upsertStickyComment } from './stickyComment.ts';
import { FakeGitHub } from './testing/fakeGitHub.ts';

let github: FakeGitHub;
let warnings: string[];

function client(token = 'write-token'): Octokit {
  return createGitHubClient({ token, baseUrl: github.url, retryBaseMs: 1, throttle: false, log: { warn: (m) => warnings.push(m) } });
}

const repo = () => ({ owner: github.owner, repo: github.repo });
const body = (verdict: string) => `${STICKY_COMMENT_MARKER}\n\n${verdict}\n`;

beforeEach(async () => {
  github = new FakeGitHub();
  warnings = [];
  await github.start();
});
afterEach(() => github.stop());

describe('upsertStickyComment against a GitHub REST server', () => {
  it('creates the comment on the first run, then edits that same comment on later pushes', async () => {
    const pr = github.addPullRequest();
    github.addComment(pr.number, 'LGTM', 'reviewer');

    const first = await upsertStickyComment(client(), repo(), pr.number, body('❌ 1 error (judged at abc1234)'));
    expect(first.action).toBe('created');

    const second = await upsertStickyComment(client(), repo(), pr.number, body('✅ no findings (judged at def5678)'));
    expect(second).toMatchObject({ action: 'updated', id: first.id, deleted: [] });

    const comments = github.commentsOn(pr.number);
    expect(comments.map((c) => c.body)).toEqual(['LGTM', body('✅ no findings (judged at def5678)')]);
  });

  it('never takes over a comment in which a person pasted the marker', async () => {
    const pr = github.addPullRequest();
    const pasted = github.addComment(pr.number, body('a person quoting the old verdict'), 'reviewer');
    const result = await upsertStickyComment(client(), repo(), pr.number, body('verdict'));
    expect(result.action).toBe('created');
    expect(github.comments.get(pasted.id)?.body).toBe(body('a person quoting the old verdict'));
  });

  it('changes nothing when the body is what the comment already says', async () => {
    const pr = github.addPullRequest();
    await upsertStickyComment(client(), repo(), pr.number, body('✅ no findings'));
    const writesBefore = github.writes().length;

    const again = await upsertStickyComment(client(), repo(), pr.number, body('✅ no findings'));
    expect(again.action).toBe('unchanged');
    expect(github.writes()).toHaveLength(writesBefore);
  });

  it('finds its comment beyond the first page of comments', async () => {
    const pr = github.addPullRequest();
    for (let i = 0; i < 150; i++) github.addComment(pr.number, `discussion ${i}`);
    const existing = github.addComment(pr.number, body('old verdict'), 'github-actions[bot]');
    for (let i = 0; i < 60; i++) github.addComment(pr.number, `more discussion ${i}`);

    const result = await upsertStickyComment(client(), repo(), pr.number, body('new verdict'));
    expect(result).toMatchObject({ action: 'updated', id: existing.id });
    const pages = github.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/issues/${pr.number}/comments`));
    expect(pages.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(github.commentsOn(pr.number).filter((c) => c.body.startsWith(STICKY_COMMENT_MARKER))).toHaveLength(1);
  });

  it('deletes duplicates and keeps the oldest commlog comment', async () => {
    const pr = github.addPullRequest();
    const oldest = github.addComment(pr.number, body('first'), 'github-actions[bot]');
    const duplicate = github.addComment(pr.number, body('second'), 'github-actions[bot]');

    const result = await upsertStickyComment(client(), repo(), pr.number, body('third'));
    expect(result).toMatchObject({ action: 'updated', id: oldest.id, deleted: [duplicate.id] });
    expect(github.commentsOn(pr.number).map((c) => c.body)).toEqual([body('third')]);
  });

  it('retries a 502 from GitHub and then succeeds, saying so', async () => {
    const pr = github.addPullRequest();
    github.failNext('POST', /\/issues\/\d+\/comments$/, 502);

    const result = await upsertStickyComment(client(), repo(), pr.number, body('verdict'));
    expect(result.action).toBe('created');
    expect(github.commentsOn(pr.number)).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(warnings).toEqual([expect.stringMatching(/^GitHub answered 502 to POST http:\/\/127.0.0.1:\d+\/repos\/acme\/support-log\/issues\/1\/comments \(transient failures are retried up to 3 times\)$/)]);
  });

  it('gives up after the retries with an error that says GitHub kept failing', async () => {
    const pr = github.addPullRequest();
    github.failNext('GET', /\/comments$/, 503, 10);

    const error = await upsertStickyComment(client(), repo(), pr.number, body('verdict')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).message).toMatch(/could not list the comments of pull request #1: GitHub answered 503 and kept failing after retries/);
    expect(github.requests.filter((r) => r.method === 'GET')).toHaveLength(4);
  });

  it("explains a fork's read-only token: 403 naming the permission it lacks", async () => {
    const pr = github.addPullRequest();
    const error = await upsertStickyComment(client('fork-token'), repo(), pr.number, body('verdict')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(403);
    expect((error as GitHubError).message).toContain('could not comment on pull request #1: GitHub answered 403 "Resource not accessible by integration"');
    expect((error as GitHubError).message).toContain('`pull-requests: write`');
    expect((error as GitHubError).message).toContain('fork');
    // 403 is not transient: one attempt only.
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('says when GitHub cannot be reached at all, after retrying', async () => {
    const unreachable = createGitHubClient({ token: 'write-token', baseUrl: 'http://127.0.0.1:1', retryBaseMs: 1, throttle: false, log: { warn: (m) => warnings.push(m) } });
    const error = await upsertStickyComment(unreachable, repo(), 1, body('verdict')).catch((e: unknown) => e);
    expect((error as GitHubError).message).toMatch(/^could not list the comments of pull request #1: GitHub could not be reached \(.+\), also after retries: check the network/);
    expect(warnings).toHaveLength(4);
  });

  it('says to check the repository name on a 404', async () => {
    const error = await upsertStickyComment(client(), { owner: 'acme', repo: 'no-such-repo' }, 1, body('verdict')).catch((e: unknown) => e);
    expect((error as GitHubError).message).toMatch(/GitHub answered 404 "Not Found": check the repository name, and that the token can read it/);
  });

  it('says the token is bad on a 401', async () => {
    const pr = github.addPullRequest();
    const error = await upsertStickyComment(client('expired'), repo(), pr.number, body('verdict')).catch((e: unknown) => e);
    expect((error as GitHubError).message).toMatch(/GitHub answered 401 "Bad credentials": the token is invalid or expired/);
  });

  it('works with the production settings: rate-limit throttling on', async () => {
    const pr = github.addPullRequest();
    const octokit = createGitHubClient({ token: 'write-token', baseUrl: github.url, log: { warn: (m) => warnings.push(m) } });
    const result = await upsertStickyComment(octokit, repo(), pr.number, body('verdict'));
    expect(result.action).toBe('created');
    expect(github.commentsOn(pr.number)[0].user.login).toBe('github-actions[bot]');
  });
});
