// When each log entry reached the log (quality.md, late-log): plain data that the node adapter
// reads from git, so that the core never reads history itself.

/**
 * How an entry file reached the log: the author date (epoch ms) of the first commit that added
 * it on the current branch's first-parent history; `uncommitted` when it is untracked or only
 * staged (logged at Now); `shallow` when it is present in a shallow clone's boundary commit, so
 * that its first commit may lie beyond the history (never a finding).
 */
export type LoggedAt = number | 'uncommitted' | 'shallow';

export interface LogHistory {
  /** By entry file, relative to the root with `/`. */
  loggedAt: ReadonlyMap<string, LoggedAt>;
  /**
   * What a file not in `loggedAt` is: not committed yet (a whole history was read, so git
   * never added it), or not judged (with `--since`, a file not added since REF).
   */
  unlisted: 'uncommitted' | 'not-judged';
  /** The clone is shallow: some entries' first commits may lie beyond its history. */
  shallow: boolean;
}

/** How an entry reached the log; undefined when it is not judged. */
export function loggedState(history: LogHistory | undefined, file: string): LoggedAt | undefined {
  if (!history) return undefined;
  const logged = history.loggedAt.get(file);
  if (logged !== undefined) return logged;
  return history.unlisted === 'uncommitted' ? 'uncommitted' : undefined;
}

/** The instant an entry was logged, as late-log reads it; undefined when it is not judged. */
export function loggedInstant(history: LogHistory | undefined, file: string, now: number): number | undefined {
  const logged = loggedState(history, file);
  if (logged === undefined || logged === 'shallow') return undefined;
  return logged === 'uncommitted' ? now : logged;
}
