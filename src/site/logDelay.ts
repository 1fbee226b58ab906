// The trends page's logging delay: git's history is read once per build, on the main thread,
// beside the loaders (never in them: what they derive is cached by content, and when a file was
// committed is not content). Each published incident's entries are counted as its facts arrive
// and then dropped, so that no list of entries outlives loading (or the read of the history).
import { LogDelayTally, type LogDelays } from '../core/metrics/logDelay.ts';
import { readLogHistory } from '../node/logHistory.ts';
import type { ArchiveIncident } from './archiveIncident.ts';
import type { Audience } from './incidentView.ts';

/** The figure, or why there is none. */
export type SiteLogDelays = (LogDelays & { shallow: boolean }) | { off: Off };

/** Why there is no figure: late-log turned off in the config, no git work tree, git failed. */
type Off = 'rule-off' | 'no-git' | 'git-failed';
type Read = { tally: LogDelayTally; shallow: boolean } | { off: Off };

export class LogDelayCounter {
  readonly #read: Promise<Read>;
  #ready?: Read;
  /** Incidents that arrived before the history was read. */
  #waiting: ArchiveIncident[] = [];

  /**
   * Starts reading the history of the log under `root`, unless the config turns late-log off
   * (as `check` reads none then: e.g. an archive imported in one commit, whose history says
   * nothing of when it was logged). A git that fails gives no figure, not a failed build.
   */
  constructor(root: string, now: number, lateLogOff: boolean) {
    const history = lateLogOff ? Promise.resolve({ off: 'rule-off' } as const) : readLogHistory(root);
    this.#read = history
      .then(
        (result): Read => ('history' in result ? { tally: new LogDelayTally(result.history, now), shallow: result.history.shallow } : { off: result.off === 'rule-off' ? 'rule-off' : 'no-git' }),
        (): Read => ({ off: 'git-failed' }),
      )
      .then((read) => {
        this.#ready = read;
        for (const i of this.#waiting.splice(0)) this.#count(i);
        return read;
      });
  }

  /** Counts a published incident's entries (once the history is read) and drops them. */
  add(incident: ArchiveIncident): void {
    if (this.#ready) this.#count(incident);
    else this.#waiting.push(incident);
  }

  #count(incident: ArchiveIncident): void {
    if (this.#ready && 'tally' in this.#ready) this.#ready.tally.add(incident.zone, incident.loggedEntries ?? []);
    incident.loggedEntries = undefined;
  }

  /** The figure once every incident is added. */
  async result(): Promise<SiteLogDelays> {
    const read = await this.#read;
    return 'off' in read ? read : { ...read.tally.result(), shallow: read.shallow };
  }
}

/** Why the trends page shows no logging delay, or what it leaves out; undefined when nothing is left out. */
export function logDelayNote(delays: SiteLogDelays, audience: Audience): string | undefined {
  if ('off' in delays) {
    if (delays.off === 'rule-off') {
      return audience === 'public'
        ? 'The logging delay is not shown: the history of this log does not say when its entries were recorded.'
        : 'The logging delay is not shown: the configuration turns late-log off (rules: late-log: off), so the history is not read.';
    }
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
