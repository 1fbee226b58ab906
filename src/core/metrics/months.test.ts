import { describe, expect, it } from 'vitest';
import type { IncidentFacts } from './facts.ts';
import { monthlyTrends, monthOf } from './months.ts';

const H = 3_600_000;

function facts(id: string, openedIso: string, fields: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    id,
    client: 'Acme',
    zone: 'UTC',
    openedAt: Date.parse(openedIso),
    priority: 'medium',
    priorityAtOpening: 'medium',
    status: 'closed',
    obligationsDue: 0,
    obligationsMet: 0,
    promisesDue: 0,
    promisesBroken: 0,
    ratings: [],
    entryCount: 0,
    categorisedEntries: [],
    ...fields,
  };
}

describe('monthOf', () => {
  it('is the local month in the incident\'s zone', () => {
    expect(monthOf(Date.parse('2026-01-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-02');
    expect(monthOf(Date.parse('2026-01-31T23:30:00Z'), 'UTC')).toBe('2026-01');
  });
});

describe('monthlyTrends', () => {
  const trends = monthlyTrends([
    facts('a', '2026-01-05T10:00:00Z', { severity: 'high', category: 'outage', timeToAcknowledge: 1 * H, timeToResolve: 10 * H, obligationsDue: 10, obligationsMet: 9, promisesDue: 4, promisesBroken: 1 }),
    facts('b', '2026-01-20T10:00:00Z', { category: 'outage', timeToAcknowledge: 3 * H, obligationsDue: 10, obligationsMet: 5, ratings: [{ at: Date.parse('2026-03-02T10:00:00Z'), rating: 4 }] }),
    facts('c', '2026-03-01T10:00:00Z', { severity: 'low', ratings: [{ at: Date.parse('2026-03-03T10:00:00Z'), rating: 2 }] }),
  ]);

  it('lists every month from first to last, empty months included', () => {
    expect(trends.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(trends[1].opened).toBe(0);
  });

  it('extends the range to the months asked for (the logging delay\'s contacts)', () => {
    const later = monthlyTrends([facts('a', '2026-01-05T10:00:00Z')], ['2026-03']);
    expect(later.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(later[2].opened).toBe(0);
    expect(monthlyTrends([], ['2026-05']).map((m) => m.month)).toEqual(['2026-05']);
  });

  it('counts incidents by severity and category, with placeholders for missing values', () => {
    expect(trends[0].bySeverity).toEqual({ high: 1, unassessed: 1 });
    expect(trends[0].byCategory).toEqual({ outage: 2 });
    expect(trends[2].byCategory).toEqual({ uncategorised: 1 });
  });

  it('aggregates durations, compliance and promises of the incidents opened that month', () => {
    expect(trends[0].ackMedian).toBe(2 * H);
    expect(trends[0].ackP90).toBeCloseTo(2.8 * H);
    expect(trends[0].resolveMedian).toBe(10 * H);
    expect(trends[0].compliance).toBe(14 / 20);
    expect(trends[0].promisesBroken).toBe(1);
    expect(trends[2].compliance).toBeUndefined();
  });

  it('puts feedback ratings in the month they were given', () => {
    expect(trends[0].ratings).toBe(0);
    expect(trends[2].ratings).toBe(2);
    expect(trends[2].ratingMean).toBe(3);
  });
});
