import { describe, expect, it } from 'vitest';
import { pullRequestRun } from './pullRequestEvent.ts';

function event(headRepo: { full_name: string } | null) {
  return JSON.stringify({
    action: 'synchronize',
    pull_request: {
      number: 12,
      head: { sha: 'abc', ref: 'log/acme', repo: headRepo },
      base: { ref: 'main', repo: { full_name: 'acme/support-log' } },
    },
  });
}

describe('pullRequestRun', () => {
  it('reads the pull request, the run link and the Enterprise Server URLs from the environment', () => {
    const run = pullRequestRun(event({ full_name: 'acme/support-log' }), {
      GITHUB_REPOSITORY: 'acme/support-log',
      GITHUB_SERVER_URL: 'https://git.example.com/',
      GITHUB_API_URL: 'https://git.example.com/api/v3',
      GITHUB_RUN_ID: '9',
    });
    expect(run).toEqual({
      number: 12,
      repository: 'acme/support-log',
      headRepository: 'acme/support-log',
      headRef: 'log/acme',
      headSha: 'abc',
      baseRef: 'main',
      fromFork: false,
      serverUrl: 'https://git.example.com',
      apiUrl: 'https://git.example.com/api/v3',
      runUrl: 'https://git.example.com/acme/support-log/actions/runs/9',
    });
  });

  it('knows a pull request from a fork, and one whose fork was deleted', () => {
    expect(pullRequestRun(event({ full_name: 'contributor/support-log' }), {})).toMatchObject({ fromFork: true, headRepository: 'contributor/support-log', serverUrl: 'https://github.com' });
    expect(pullRequestRun(event(null), {})).toMatchObject({ fromFork: false, headRepository: 'acme/support-log' });
  });

  it('is undefined for other events and for text that is not JSON', () => {
    expect(pullRequestRun(JSON.stringify({ ref: 'refs/heads/main', commits: [] }), {})).toBeUndefined();
    expect(pullRequestRun('not json', {})).toBeUndefined();
  });
});
