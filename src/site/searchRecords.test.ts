import { describe, expect, it } from 'vitest';
import { entry, incident } from '../core/metrics/testIncident.ts';
import type { ArchiveIncident } from './archiveIncident.ts';
import { searchRecord } from './searchRecords.ts';

describe('searchRecord', () => {
  const i = incident({
    opened: '2026-11-02T09:00',
    id: 'acme-outage',
    severity: 'high',
    category: 'outage',
    body: 'Checkout **fails** for [every](https://x.example) card; call +44 20 7946 0123.',
    entries: [
      entry('2026-11-02T09:10', { summary: 'Acknowledged to jo@acme.example', body: 'Looking at the `gateway`.' }),
      entry('2026-11-02T09:20', { direction: 'internal', internal: true, summary: 'Secret internal note' }),
    ],
  });

  const facts = {
    title: 'Checkout fails',
    client: 'Acme',
    clientSlug: 'acme',
    priority: 'medium',
    severity: 'high',
    status: 'open',
    timeToAcknowledge: 600_000,
    obligationsDue: 4,
    obligationsMet: 3,
  } as ArchiveIncident;

  it('holds the page text of published entries only, as plain text, contacts withheld', () => {
    const r = searchRecord(i, facts, '/base/', false);
    expect(r.url).toBe('/base/incidents/acme-outage/');
    expect(r.content).toContain('Checkout fails for every card');
    expect(r.content).toContain('Looking at the gateway');
    expect(r.content).not.toContain('Secret internal note');
    expect(r.content).not.toContain('jo@acme.example');
    expect(r.content).not.toContain('7946');
  });

  it('carries the archive filters and what a result row shows', () => {
    const r = searchRecord(i, facts, '/', true);
    expect(r.filters).toEqual({ status: ['open'], priority: ['medium'], client: ['Acme'], year: ['2026'], severity: ['high'], category: ['outage'] });
    expect(r.meta).toEqual({ title: 'Checkout fails', client: 'Acme', clientSlug: 'acme', opened: '2026-11-02', priority: 'medium', severity: 'high', status: 'open', tta: '10m', ttr: '—', compliance: '75%' });
    expect(r.content).toContain('jo@acme.example');
  });
});
