// The lessons of the bundled examples, loaded as the site loads them: issue 13 found "0 repeats
// of the same client's problem within 90 days" beside 2026-10-27, which is related to
// 2026-09-14, tagged `recurring`, and called "the second checkout problem in seven weeks".
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRecurrences } from '../core/metrics/recurrence.ts';
import { publication } from '../core/publish/publication.ts';
import { listIncidentIds, readConfig } from '../node/repository.ts';
import { archiveIncident, loadChecked } from './archiveIncident.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const NOW = Date.parse('2026-11-20T18:00:00Z');

function examples() {
  const config = readConfig(PROJECT_ROOT);
  const ids = listIncidentIds(PROJECT_ROOT);
  const published = ids
    .map((id) => loadChecked(PROJECT_ROOT, id, config, NOW, new Set(ids))!)
    .filter((l) => !l.incident.internal)
    .map((l) => archiveIncident(publication(l.incident, l.findings, config), config, NOW, l.incident.entries));
  return { config, published };
}

describe('recurrences of the examples', () => {
  it('count 2026-10-27 as the same client\'s problem as 2026-09-14, by their related link', () => {
    const { config, published } = examples();
    const found = findRecurrences(published, { groupOf: (c) => config.categoryGroups[c] });
    expect(found.filter((r) => r.sameProblemAs).map((r) => [r.id, r.sameProblemAs, r.repeatReason])).toEqual([
      ['2026-10-27-harbourlane-payment-timeouts', '2026-09-14-harbourlane-checkout-500', 'related'],
    ]);
  });

  it('group categories by the config: a slowness after an outage recurs as availability', () => {
    const { config, published } = examples();
    expect(config.categoryGroups.slowness).toBe(config.categoryGroups.outage);
    const found = findRecurrences(published, { groupOf: (c) => config.categoryGroups[c] });
    expect(found.find((r) => r.id === '2026-06-08-kestrel-repairs-booking-slow')?.sameCategoryAs).toBe('2026-05-12-meridian-tracking-outage');
    expect(findRecurrences(published).find((r) => r.id === '2026-06-08-kestrel-repairs-booking-slow')?.sameCategoryAs).toBeUndefined();
  });
});
