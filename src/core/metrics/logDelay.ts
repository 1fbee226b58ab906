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
 * The median logging delay of these incidents' entries, overall and by the month of the
 * contact. An entry logged before its `at` (a clock or a typo) counts as logged at once: a
 * delay is never negative.
 */
export function logDelays(incidents: Iterable<{ zone: string; loggedEntries: readonly LoggedEntry[] }>, history: LogHistory, now: number): LogDelays {
  const all: number[] = [];
  const months = new Map<string, { entries: number; delays: number[] }>();
  let entries = 0;
  for (const { zone, loggedEntries } of incidents) {
    for (const { file, at } of loggedEntries) {
      const month = monthOf(at, zone);
      let m = months.get(month);
      if (!m) months.set(month, (m = { entries: 0, delays: [] }));
      m.entries++;
      entries++;
      const logged = loggedInstant(history, file, now);
      if (logged === undefined) continue;
      const delay = Math.max(0, logged - at);
      m.delays.push(delay);
      all.push(delay);
    }
  }
  const byMonth = new Map<string, LogDelay>();
  for (const [month, m] of months) byMonth.set(month, { entries: m.entries, timed: m.delays.length, median: median(m.delays) });
  return { all: { entries, timed: all.length, median: median(all) }, byMonth };
}
