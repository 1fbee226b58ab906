// The trends page's logging delay: git's history is read once per build, on the main thread,
// beside the loaders (never in them: what they derive is cached by content, and when a file was
// committed is not content), then combined with the published entries the loaders sent, which
// are dropped once counted.
import { logDelays, type LogDelays } from '../core/metrics/logDelay.ts';
import { readLogHistory, type LogHistoryResult } from '../node/logHistory.ts';
import type { ArchiveIncident } from './archiveIncident.ts';
import type { Audience } from './incidentView.ts';

/** The figure, or why there is none. */
export type SiteLogDelays = (LogDelays & { shallow: boolean }) | { off: 'no-git' | 'git-failed' };

/** Starts reading the history of the log under `root`; a git that fails gives no figure, not a failed build. */
export function readSiteLogHistory(root: string): Promise<LogHistoryResult | { failed: true }> {
  return readLogHistory(root).catch(() => ({ failed: true }) as const);
}

/** The delays of these incidents' entries; each incident's `loggedEntries` is dropped. */
export function siteLogDelays(history: LogHistoryResult | { failed: true }, incidents: ArchiveIncident[], now: number): SiteLogDelays {
  const loggedEntries = incidents.map((i) => ({ zone: i.zone, loggedEntries: i.loggedEntries ?? [] }));
  for (const i of incidents) i.loggedEntries = undefined;
  if ('failed' in history) return { off: 'git-failed' };
  if ('off' in history) return { off: 'no-git' };
  return { ...logDelays(loggedEntries, history.history, now), shallow: history.history.shallow };
}

/** Why the trends page shows no logging delay, or what it leaves out; undefined when nothing is left out. */
export function logDelayNote(delays: SiteLogDelays, audience: Audience): string | undefined {
  if ('off' in delays) {
    if (delays.off === 'git-failed') return 'The logging delay is not shown: git could not read the history of the log this site was built from.';
    return audience === 'public'
      ? 'The logging delay is not shown: this site was built without the history of the log, so when each entry was recorded is not known.'
      : 'The logging delay is not shown: this site was built outside a git work tree, so when each entry was committed is not known.';
  }
  if (!delays.shallow || delays.all.timed === delays.all.entries) return undefined;
  return audience === 'public'
    ? 'Entries older than the history this site was built from are not counted in the logging delay.'
    : 'The history is shallow: entries already present in its oldest commit are not counted in the logging delay (build from a full clone, e.g. actions/checkout with fetch-depth: 0).';
}
