import { describe, expect, it } from 'vitest';
import type { LoggedAt, LogHistory } from '../quality/logHistory.ts';
import { LogDelayTally, type LoggedEntry } from './logDelay.ts';

const MIN = 60_000;
const H = 60 * MIN;
const NOW = Date.parse('2026-11-20T18:00:00Z');

function history(loggedAt: Record<string, LoggedAt>, unlisted: LogHistory['unlisted'] = 'uncommitted', shallow = false): LogHistory {
  return { loggedAt: new Map(Object.entries(loggedAt)), unlisted, shallow };
}

const at = (iso: string) => Date.parse(iso);

function logDelays(incidents: { zone: string; loggedEntries: LoggedEntry[] }[], logHistory: LogHistory, now: number) {
  const tally = new LogDelayTally(logHistory, now);
  for (const i of incidents) tally.add(i.zone, i.loggedEntries);
  return tally.result();
}

describe('the logging delay tally', () => {
  it('is the median of committed-at minus at, overall and by the month of the contact in its zone', () => {
    const incidents = [
      {
        zone: 'Asia/Tokyo',
        loggedEntries: [
          // 31 Jan 23:30 UTC is 1 Feb in Tokyo.
          { file: 'incidents/a/log/1.md', at: at('2026-01-31T23:30:00Z') },
          { file: 'incidents/a/log/2.md', at: at('2026-02-03T10:00:00Z') },
        ],
      },
      {
        zone: 'UTC',
        loggedEntries: [
          { file: 'incidents/b/log/1.md', at: at('2026-01-31T23:30:00Z') },
          { file: 'incidents/b/log/2.md', at: at('2026-02-10T09:00:00Z') },
          { file: 'incidents/b/log/3.md', at: at('2026-02-11T09:00:00Z') },
        ],
      },
    ];
    const delays = logDelays(
      incidents,
      history({
        'incidents/a/log/1.md': at('2026-01-31T23:40:00Z'),
        'incidents/a/log/2.md': at('2026-02-04T10:00:00Z'),
        'incidents/b/log/1.md': at('2026-02-01T01:30:00Z'),
        'incidents/b/log/2.md': at('2026-02-10T09:05:00Z'),
        'incidents/b/log/3.md': at('2026-02-11T12:00:00Z'),
      }),
      NOW,
    );
    expect(delays.byMonth).toEqual(
      new Map([
        ['2026-01', { entries: 1, timed: 1, median: 2 * H }],
        // 10 min, 24 h, 5 min, 3 h: the mean of the middle two.
        ['2026-02', { entries: 4, timed: 4, median: (10 * MIN + 3 * H) / 2 }],
      ]),
    );
    expect(delays.all).toEqual({ entries: 5, timed: 5, median: 2 * H });
  });

  it('logs an entry not committed yet at Now, as late-log does, and never gives a negative delay', () => {
    const incidents = [
      {
        zone: 'UTC',
        loggedEntries: [
          { file: 'incidents/a/log/staged.md', at: at('2026-11-20T12:00:00Z') },
          // Never added: git does not list it.
          { file: 'incidents/a/log/untracked.md', at: at('2026-11-20T16:00:00Z') },
          // Committed before the contact it records.
          { file: 'incidents/a/log/early.md', at: at('2026-11-20T10:00:00Z') },
        ],
      },
    ];
    const delays = logDelays(incidents, history({ 'incidents/a/log/staged.md': 'uncommitted', 'incidents/a/log/early.md': at('2026-11-20T09:00:00Z') }), NOW);
    expect(delays.all).toEqual({ entries: 3, timed: 3, median: 2 * H });
  });

  it('counts but does not time an entry a shallow clone cannot date, or one a partial history does not judge', () => {
    const incidents = [
      {
        zone: 'UTC',
        loggedEntries: [
          { file: 'incidents/a/log/old.md', at: at('2026-03-01T10:00:00Z') },
          { file: 'incidents/a/log/new.md', at: at('2026-03-02T10:00:00Z') },
        ],
      },
    ];
    const shallow = logDelays(incidents, history({ 'incidents/a/log/old.md': 'shallow', 'incidents/a/log/new.md': at('2026-03-02T10:30:00Z') }, 'uncommitted', true), NOW);
    expect(shallow.all).toEqual({ entries: 2, timed: 1, median: 30 * MIN });
    const partial = logDelays(incidents, history({}, 'not-judged'), NOW);
    expect(partial.all).toEqual({ entries: 2, timed: 0, median: undefined });
    expect(partial.byMonth.get('2026-03')).toEqual({ entries: 2, timed: 0, median: undefined });
  });

  it('has no median and no month without entries', () => {
    const delays = logDelays([{ zone: 'UTC', loggedEntries: [] }], history({}), NOW);
    expect(delays).toEqual({ all: { entries: 0, timed: 0, median: undefined }, byMonth: new Map() });
  });
});
