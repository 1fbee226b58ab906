import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { entry, incident } from '../core/metrics/testIncident.ts';
import type { ReportDocument } from '../core/report/reportDocument.ts';
import type { ArchiveIncident } from './archiveIncident.ts';
import { searchRecord } from './searchRecords.ts';

describe('searchRecord', () => {
  const i = incident({
    opened: '2026-11-02T09:00',
    id: 'acme-outage',
    client: 'Acme, Ltd',
    severity: 'high',
    category: 'outage',
    body: 'Checkout **fails** for [every](https://x.example) card; call +44 20 7946 0123.',
    entries: [
      entry('2026-11-02T09:10', {
        summary: 'Acknowledged to jo@acme.example',
        body: 'Looking at the `gateway` <script>alert(1)</script>.',
        commitments: [{ id: 'send-logs', action: 'Send the gateway logs', owner: 'us', file: 'a.md', madeAt: 0 }],
      }),
      entry('2026-11-02T09:20', {
        direction: 'internal',
        internal: true,
        summary: 'Secret internal note',
        commitments: [{ id: 'rotate', action: 'Rotate the secret key', owner: 'us', file: 'b.md', madeAt: 0 }],
      }),
      entry('2026-11-02T11:00', { summary: 'Fixed', verbatim: 'Thanks, the "zebra" page works', feedback: { rating: 5, comment: 'Quick & clear' } }),
    ],
    report: { body: '# Suspected root cause\nAn expired certificate.' } as ReportDocument,
  });

  const facts = {
    title: 'Checkout fails',
    client: 'Acme, Ltd',
    clientSlug: 'acme-ltd',
    priority: 'medium',
    severity: 'high',
    status: 'open',
    timeToAcknowledge: 600_000,
    obligationsDue: 4,
    obligationsMet: 3,
  } as ArchiveIncident;

  const parsed = (contactDetails: boolean) => parseHTML(searchRecord(i, facts, contactDetails).content).document;
  /** Each anchored block of the record: its id, its title, its text. */
  const blocks = (contactDetails = false) =>
    [...parsed(contactDetails).querySelectorAll('[id]')].map((b) => ({ id: b.id, title: b.getAttribute('data-pagefind-title'), text: b.textContent }));

  it('holds the page text of published entries only, as plain text, contacts withheld', () => {
    const r = searchRecord(i, facts, false);
    // From the site's root: Pagefind's script puts the base path it is served under before it.
    expect(r.url).toBe('/incidents/acme-outage/');
    const text = parsed(false).body.textContent;
    expect(text).toContain('Checkout fails for every card');
    expect(text).toContain('Looking at the gateway');
    expect(text).not.toContain('Secret internal note');
    expect(text).not.toContain('Rotate the secret key');
    expect(text).not.toContain('jo@acme.example');
    expect(text).not.toContain('7946');
    // Markup in the text is text: nothing of it is an element of the record.
    expect(parsed(false).querySelectorAll('script')).toHaveLength(0);
  });

  it("marks each published entry by its permalink, and each section by its heading's anchor", () => {
    expect(blocks()).toEqual([
      { id: 'what-happened', title: 'What happened', text: 'Checkout fails for every card; call [phone withheld].' },
      { id: 'entry-2026-11-02T0910', title: 'Entry of 2026-11-02 09:10 GMT', text: 'Acknowledged to [e-mail withheld]Looking at the gateway alert(1) .' },
      { id: 'entry-2026-11-02T1100', title: 'Entry of 2026-11-02 11:00 GMT', text: 'FixedThanks, the "zebra" page worksQuick & clear' },
      { id: 'commitments', title: 'Commitments', text: 'Send the gateway logs' },
      { id: 'report', title: 'Incident report', text: 'Suspected root cause An expired certificate.' },
    ]);
    // The title, client and category come before the first anchor: a hit there leads to the top of the page.
    expect(parsed(false).body.firstElementChild!.textContent).toBe('Checkout fails');
  });

  it('carries the archive filters and what a result row shows, commas and quotes kept whole', () => {
    const document = parsed(true);
    const values = (attribute: string) =>
      Object.fromEntries([...document.querySelectorAll(`meta[${attribute}]`)].map((m) => [m.getAttribute(attribute)!.replace('[content]', ''), m.getAttribute('content')]));
    expect(values('data-pagefind-filter')).toEqual({ status: 'open', priority: 'medium', client: 'Acme, Ltd', year: '2026', severity: 'high', category: 'outage' });
    expect(values('data-pagefind-meta')).toEqual({ title: 'Checkout fails', client: 'Acme, Ltd', clientSlug: 'acme-ltd', opened: '2026-11-02', priority: 'medium', severity: 'high', status: 'open', tta: '10m', ttr: '—', compliance: '75%' });
    expect(document.body.textContent).toContain('jo@acme.example');
  });
});
