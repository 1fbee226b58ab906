// The logging delay (trends page): how long after a contact its log entry reached the log, read
// as late-log reads it (quality.md): the entry's logged instant L (the author date of the first
// commit that added its file, Now when not committed yet) minus its `at`. An entry whose L is
// unknown (present in a shallow clone's boundary commit) is counted but has no delay. The node
// adapter reads the history; this only combines it with the entries.
import { loggedInstant, type LogHistory } from '../quality/logHistory.ts';
import { monthOf } from './months.ts';
import { median } from './stats.ts';

/** A log entry as the delay needs it: its file (relative to the root, as on disk) and `at`. */
export interface LoggedEntry {
  file: string;
  at: number;
}

export interface LogDelay {
  /** Entries counted. */
  entries: number;
  /** Of those, the entries whose logged instant is known: the median's count. */
  timed: number;
  /** Median delay in ms over the timed entries; undefined when none is. */
  median?: number;
}

export interface LogDelays {
  all: LogDelay;
  /** By the contact's month (`YYYY-MM`) in its incident's zone. */
  byMonth: Map<string, LogDelay>;
}

/**
 * The median logging delay of the entries added, overall and by the month of the contact. An
 * entry logged before its `at` (a clock or a typo) counts as logged at once: a delay is never
 * negative. Incidents are added one by one, so that a caller can drop each one's entries once
 * counted: only a number per entry is kept.
 */
export class LogDelayTally {
  readonly #history: LogHistory;
  readonly #now: number;
  readonly #all: number[] = [];
  readonly #months = new Map<string, { entries: number; delays: number[] }>();
  #entries = 0;

  constructor(history: LogHistory, now: number) {
    this.#history = history;
    this.#now = now;
  }

  /** The entries of one incident, whose contacts' months are read in `zone`. */
  add(zone: string, entries: readonly LoggedEntry[]): void {
    for (const { file, at } of entries) {
      const month = monthOf(at, zone);
      let m = this.#months.get(month);
      if (!m) this.#months.set(month, (m = { entries: 0, delays: [] }));
      m.entries++;
      this.#entries++;
      const logged = loggedInstant(this.#history, file, this.#now);
      if (logged === undefined) continue;
      const delay = Math.max(0, logged - at);
      m.delays.push(delay);
      this.#all.push(delay);
    }
  }

  result(): LogDelays {
    const byMonth = new Map<string, LogDelay>();
    for (const [month, m] of this.#months) byMonth.set(month, { entries: m.entries, timed: m.delays.length, median: median(m.delays) });
    return { all: { entries: this.#entries, timed: this.#all.length, median: median(this.#all) }, byMonth };
  }
}
