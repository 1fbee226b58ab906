// The site's pure helpers over archive summaries: the filter index, lessons and client records.
import { describe, expect, it } from 'vitest';
import { findRecurrences } from '../core/metrics/recurrence.ts';
import type { Archive, ArchiveIncident, ClientGroup } from './archive.ts';
import { buildArchiveIndex, ROW } from './archiveIndex.ts';
import { clientRecord } from './clients.ts';
import { allActions, recurrences, rootCauseGroups } from './lessons.ts';

const DAY = 86_400_000;

function summary(id: string, day: number, fields: Partial<ArchiveIncident> = {}): ArchiveIncident {
  return {
    id,
    client: 'Acme',
    zone: 'UTC',
    openedAt: Date.UTC(2026, 0, 1) + day * DAY,
    priority: 'high',
    priorityAtOpening: 'high',
    status: 'closed',
    obligationsDue: 0,
    obligationsMet: 0,
    promisesDue: 0,
    promisesBroken: 0,
    ratings: [],
    entryCount: 0,
    categorisedEntries: [],
    title: `Incident ${id}`,
    year: 2026,
    clientSlug: 'acme',
    related: [],
    tags: [],
    excerpt: '',
    updatedAt: Date.UTC(2026, 0, 1) + day * DAY,
    feedback: [],
    ...fields,
  };
}

function archiveOf(incidents: ArchiveIncident[]): Archive {
  const sorted = [...incidents].sort((a, b) => b.openedAt - a.openedAt);
  const recurrences = new Map(findRecurrences(sorted).map((r) => [r.id, r]));
  return { incidents: sorted, byId: new Map(sorted.map((i) => [i.id, i])), recurrences } as Archive;
}

describe('buildArchiveIndex', () => {
  it('stores each client and category once and every incident as a compact row', () => {
    const index = buildArchiveIndex(
      [
        summary('a', 0, { category: 'outage', severity: 'critical', timeToAcknowledge: 90_000, obligationsDue: 4, obligationsMet: 3 }),
        summary('b', 1, { client: 'Beta', clientSlug: 'beta', category: 'outage' }),
        summary('c', 2),
      ],
      (i) => new Date(i.openedAt).toISOString().slice(0, 10),
    );
    expect(index.clients).toEqual([['Acme', 'acme'], ['Beta', 'beta']]);
    expect(index.categories).toEqual(['outage']);
    const [a, b, c] = index.rows;
    expect(a[ROW.id]).toBe('a');
    expect(index.severities[a[ROW.severity]]).toBe('critical');
    expect([a[ROW.tta], a[ROW.ttr], a[ROW.compliance]]).toEqual([2, null, 75]);
    expect(b[ROW.client]).toBe(1);
    expect([c[ROW.category], c[ROW.severity], c[ROW.compliance]]).toEqual([-1, -1, null]);
    expect(c[ROW.date]).toBe('2026-01-03');
  });
});

describe('lessons', () => {
  const archive = archiveOf([
    summary('old', 0, { category: 'outage', report: { rootCause: 'disk full', actions: [{ text: 'alert on disk', done: true }, { text: 'bigger disk', done: false }] } }),
    summary('new', 30, { category: 'outage', report: { rootCauseCategory: 'capacity', actions: [{ text: 'autoscale', done: false }] } }),
    summary('none', 40),
  ]);

  it('lists open prevention actions first, then the newest incident first', () => {
    expect(allActions(archive).map((a) => `${a.done ? 'done' : 'open'} ${a.text}`)).toEqual(['open autoscale', 'open bigger disk', 'done alert on disk']);
  });

  it('groups root causes by the report\'s category, else the incident\'s', () => {
    expect(rootCauseGroups(archive).map((g) => [g.category, g.incidents.map((i) => i.id)])).toEqual([
      ['capacity', ['new']],
      ['outage', ['old']],
    ]);
  });

  it('finds the same client and category again within 90 days, newest first', () => {
    expect(recurrences(archive).map((r) => [r.id, r.sameProblemAs])).toEqual([
      ['none', undefined],
      ['new', 'old'],
    ]);
  });
});

describe('clientRecord', () => {
  it('sums compliance and ratings per year, newest year first', () => {
    const group: ClientGroup = {
      name: 'Acme',
      slug: 'acme',
      incidents: [
        summary('x', 400, { year: 2027, status: 'open', obligationsDue: 10, obligationsMet: 5, ratings: [{ at: 0, rating: 2 }] }),
        summary('y', 10, { obligationsDue: 10, obligationsMet: 10, ratings: [{ at: 0, rating: 5 }, { at: 0, rating: 4 }] }),
      ],
    };
    const r = clientRecord(group);
    expect([r.open, r.compliance, r.ratings, r.ratingMean]).toEqual([1, 0.75, 3, 11 / 3]);
    expect(r.years.map((y) => [y.year, y.incidents, y.compliance, y.ratingMean])).toEqual([
      [2027, 1, 0.5, 2],
      [2026, 1, 1, 4.5],
    ]);
  });
});
