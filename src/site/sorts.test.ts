import { describe, expect, it } from 'vitest';
import type { ArchiveIncident } from './archiveIncident.ts';
import { sortedBy } from './sorts.ts';

const incident = (id: string, day: number, fields: Partial<ArchiveIncident> = {}) =>
  ({ id, openedAt: day * 86_400_000, title: id, client: 'Acme', priority: 'medium', status: 'closed', obligationsDue: 0, obligationsMet: 0, ...fields }) as ArchiveIncident;

describe('sortedBy', () => {
  const list = [
    incident('a', 1, { timeToResolve: 5, severity: 'low', obligationsDue: 4, obligationsMet: 4 }),
    incident('b', 2, { timeToResolve: 50, severity: 'critical', obligationsDue: 4, obligationsMet: 1 }),
    incident('c', 3, { status: 'open' }),
    incident('d', 4, { timeToResolve: 50, status: 'open' }),
  ];
  it('puts the slowest first, unresolved last, ties newest first', () => {
    expect(sortedBy(list, 'ttr').map((i) => i.id)).toEqual(['d', 'b', 'a', 'c']);
  });
  it('orders enumerations most severe or open first, missing values last', () => {
    expect(sortedBy(list, 'severity').map((i) => i.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(sortedBy(list, 'status').map((i) => i.id)).toEqual(['d', 'c', 'b', 'a']);
  });
  it('puts the lowest compliance first, incidents with nothing due last', () => {
    expect(sortedBy(list, 'compliance').map((i) => i.id)).toEqual(['b', 'a', 'd', 'c']);
  });
});
