import { describe, expect, it } from 'vitest';
import { entry, incident } from '../core/metrics/testIncident.ts';
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

  it('holds the page text of published entries only, as plain text, contacts withheld', () => {
    const r = searchRecord(i, '/base/', false);
    expect(r.url).toBe('/base/incidents/acme-outage/');
    expect(r.content).toContain('Checkout fails for every card');
    expect(r.content).toContain('Looking at the gateway');
    expect(r.content).not.toContain('Secret internal note');
    expect(r.content).not.toContain('jo@acme.example');
    expect(r.content).not.toContain('7946');
  });

  it('carries the archive filters and a title', () => {
    const r = searchRecord(i, '/', true);
    expect(r.filters).toEqual({ status: ['open'], priority: ['medium'], client: ['Acme'], year: ['2026'], severity: ['high'], category: ['outage'] });
    expect(r.meta.title).toBe('Checkout fails');
    expect(r.content).toContain('jo@acme.example');
  });
});
