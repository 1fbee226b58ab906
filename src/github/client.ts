// The GitHub client every GitHub command uses: @octokit/core (calls by route, e.g.
// `request('POST /repos/{owner}/{repo}/issues', …)`) with the plugins it needs — pagination,
// retry of transient failures (5xx, network errors) and rate-limit handling (throttling) — of
// the set the all-in-one `octokit` package bundles, without its app, OAuth, webhook and
// REST-method parts (a tenth of the install). This module sets them up for a CI
// job and turns the failures a person can fix (no token, a token without the right
// permission) into one clear sentence.
import { Octokit as OctokitCore } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { RequestError } from '@octokit/request-error';

export const Octokit = OctokitCore.plugin(paginateRest, retry, throttling);
export type Octokit = InstanceType<typeof Octokit>;
export { RequestError };

/** A problem with GitHub a person has to fix or wait out; the CLI prints its message. */
export class GitHubError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'GitHubError';
    this.status = status;
  }
}

export interface Logger {
  warn(message: string): void;
}

export interface GitHubClientOptions {
  /** Absent: unauthenticated (public repositories only, low rate limit), for dry runs. */
  token: string | undefined;
  /** REST API root: GITHUB_API_URL in Actions (GitHub Enterprise Server), else api.github.com. */
  baseUrl?: string;
  /** Retries of a transient failure (5xx, network): 3 by default. */
  retries?: number;
  /** Back-off unit: the n-th retry waits n² units (1 s by default; tests shrink it). */
  retryBaseMs?: number;
  /**
   * plugin-throttling spaces writes a second apart and waits out rate limits; on by default.
   * Tests of behaviour other than rate limits turn it off to run fast.
   */
  throttle?: boolean;
  log?: Logger;
}

const DEFAULT_API_URL = 'https://api.github.com';
/** Rate-limit waits longer than this fail instead: a 15-minute cron job retries soon anyway. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;

export function createGitHubClient(options: GitHubClientOptions): Octokit {
  const log = options.log ?? { warn: (message: string) => process.stderr.write(`${message}\n`) };
  const retryLimit = options.retries ?? 3;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount < 2 && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS) {
      log.warn(`GitHub ${kind} reached for ${request.method} ${request.url}: retrying in ${retryAfter}s`);
      return true;
    }
    log.warn(`GitHub ${kind} reached for ${request.method} ${request.url}: giving up (retry after ${retryAfter}s)`);
    return false;
  };
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: 'commlog',
    retry: { retries: retryLimit, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    throttle: {
      enabled: options.throttle ?? true,
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
    // Every attempt goes through this fetch, so a retried failure is visible in the job's log.
    request: { fetch: loggingFetch(log, retryLimit) },
    log: { debug: () => {}, info: () => {}, warn: (message: string) => log.warn(message), error: (message: string) => log.warn(message) },
  });
  return octokit;
}

function loggingFetch(log: Logger, retryLimit: number): typeof fetch {
  return async (input, init) => {
    const method = init?.method ?? 'GET';
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    try {
      const response = await fetch(input, init);
      if (response.status >= 500) log.warn(`GitHub answered ${response.status} to ${method} ${url} (transient failures are retried up to ${retryLimit} times)`);
      return response;
    } catch (error) {
      log.warn(`${method} ${url} failed: ${(error as Error).message} (transient failures are retried up to ${retryLimit} times)`);
      throw error;
    }
  };
}

/** The token from the environment: GITHUB_TOKEN, else GH_TOKEN (the gh CLI's name). */
export function tokenFromEnv(env: Record<string, string | undefined>): string | undefined {
  const token = env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim();
  return token || undefined;
}

export interface Repository {
  owner: string;
  repo: string;
}

/** `owner/name` (GITHUB_REPOSITORY's form). */
export function parseRepository(text: string | undefined): Repository | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(text?.trim() ?? '');
  return match ? { owner: match[1], repo: match[2] } : undefined;
}

/** What a call was doing and which token permission it needs, for the error message. */
export interface Attempt {
  doing: string;
  permission: string;
}

/**
 * Runs one API call and rethrows its failure as a GitHubError whose message says what was
 * being done, what GitHub answered, and what to do about it.
 */
export async function attempt<T>(what: Attempt, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explainGitHubError(error, what);
  }
}

export function explainGitHubError(error: unknown, what: Attempt): GitHubError {
  if (error instanceof GitHubError) return error;
  if (!(error instanceof RequestError)) {
    return new GitHubError(`could not ${what.doing}: ${(error as Error).message ?? String(error)}`);
  }
  if (!error.response) {
    // octokit reports a request that got no answer at all (DNS, refused, reset) as status 500.
    return new GitHubError(`could not ${what.doing}: GitHub could not be reached (${error.message}), also after retries: check the network, or GITHUB_API_URL on GitHub Enterprise Server`);
  }
  const said = githubMessage(error);
  const status = error.status;
  const answer = `GitHub answered ${status}${said ? ` "${said}"` : ''}`;
  if (status === 401) {
    return new GitHubError(`could not ${what.doing}: ${answer}: the token is invalid or expired; set GITHUB_TOKEN to a valid token`, status);
  }
  if (status === 403 || status === 429) {
    if (isRateLimited(error)) {
      return new GitHubError(`could not ${what.doing}: ${answer}: the API rate limit is used up; run again later`, status);
    }
    return new GitHubError(
      `could not ${what.doing}: ${answer}: the token lacks the permission \`${what.permission}\` ` +
        `(in a workflow, grant it in the job's \`permissions:\`; a pull request from a fork only ever gets a read-only token)`,
      status,
    );
  }
  if (status === 404) {
    return new GitHubError(
      `could not ${what.doing}: ${answer}: check the repository name, and that the token can read it (GitHub answers 404 for a private repository the token cannot see)`,
      status,
    );
  }
  if (status === 422) {
    return new GitHubError(`could not ${what.doing}: ${answer}${validationDetails(error)}`, status);
  }
  if (status >= 500) {
    return new GitHubError(`could not ${what.doing}: ${answer} and kept failing after retries; GitHub may be having an outage, run again later`, status);
  }
  return new GitHubError(`could not ${what.doing}: ${answer}`, status);
}

function githubMessage(error: RequestError): string {
  const data = error.response?.data as { message?: unknown } | string | undefined;
  if (data && typeof data === 'object' && typeof data.message === 'string') return data.message;
  return '';
}

function isRateLimited(error: RequestError): boolean {
  const headers = error.response?.headers ?? {};
  return error.status === 429 || headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(githubMessage(error));
}

function validationDetails(error: RequestError): string {
  const data = error.response?.data as { errors?: { field?: string; code?: string; message?: string }[] } | undefined;
  const details = (data?.errors ?? []).map((e) => e.message ?? [e.field, e.code].filter(Boolean).join(' ')).filter(Boolean);
  return details.length ? `: ${details.join('; ')}` : '';
}
