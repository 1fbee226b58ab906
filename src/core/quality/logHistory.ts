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
  /** By entry file, relative to the root with `/`: a file not listed is not judged (with `--since`, those not added since REF). */
  loggedAt: ReadonlyMap<string, LoggedAt>;
  /** The clone is shallow: some entries' first commits may lie beyond its history. */
  shallow: boolean;
}

/** The instant an entry was logged, as late-log reads it; undefined when it is not judged. */
export function loggedInstant(history: LogHistory | undefined, file: string, now: number): number | undefined {
  const logged = history?.loggedAt.get(file);
  if (logged === undefined || logged === 'shallow') return undefined;
  return logged === 'uncommitted' ? now : logged;
}
