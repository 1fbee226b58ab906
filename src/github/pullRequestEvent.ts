// What the pull request comment needs to know about the run, from the Actions environment:
// GITHUB_EVENT_PATH (the pull_request event), GITHUB_REPOSITORY, GITHUB_SERVER_URL, GITHUB_RUN_ID.
import { z } from 'zod';

const pullRequestEvent = z.object({
  pull_request: z.object({
    number: z.number().int(),
    head: z.object({ sha: z.string(), ref: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
    base: z.object({ ref: z.string(), repo: z.object({ full_name: z.string() }) }),
  }),
});

export interface PullRequestRun {
  number: number;
  /** `owner/name` the pull request belongs to. */
  repository: string;
  /** `owner/name` its branch lives in: a fork's for a pull request from a fork. */
  headRepository: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  fromFork: boolean;
  serverUrl: string;
  apiUrl: string | undefined;
  runUrl: string | undefined;
}

/** Reads the run from the event payload's text; undefined when it is not a pull request event. */
export function pullRequestRun(eventText: string, env: Record<string, string | undefined>): PullRequestRun | undefined {
  let json: unknown;
  try {
    json = JSON.parse(eventText);
  } catch {
    return undefined;
  }
  const parsed = pullRequestEvent.safeParse(json);
  if (!parsed.success) return undefined;
  const pr = parsed.data.pull_request;
  const repository = env.GITHUB_REPOSITORY || pr.base.repo.full_name;
  // A deleted fork leaves head.repo null: its branch is gone, links point at the base repository.
  const headRepository = pr.head.repo?.full_name ?? repository;
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return {
    number: pr.number,
    repository,
    headRepository,
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    fromFork: headRepository.toLowerCase() !== pr.base.repo.full_name.toLowerCase(),
    serverUrl,
    apiUrl: env.GITHUB_API_URL || undefined,
    runUrl: env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
  };
}
