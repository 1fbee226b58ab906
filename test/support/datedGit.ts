// git in a temporary repository at a chosen instant: author and committer dates (and a fixed
// identity) from the environment, so that tests of the logging history control every date.
import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` as if at `date` (ISO 8601; the commit date may differ, as after a rebase); returns what it printed. */
export function datedGit(cwd: string, args: string[], date: string, committedAt = date): string {
  const identity = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...identity, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: committedAt } });
}

/** Commits everything in `cwd`'s work tree, authored and committed at `date`. */
export function commitAllAt(cwd: string, message: string, date: string): void {
  datedGit(cwd, ['add', '-A'], date);
  datedGit(cwd, ['commit', '-q', '-m', message], date);
}
