// The lessons page's category upkeep on the bundled examples, loaded as the site loads them.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publication } from '../core/publish/publication.ts';
import { listIncidentIds, readConfig } from '../node/repository.ts';
import { archiveIncident, loadChecked } from './archiveIncident.ts';
import { publishedCategoryUpkeep } from './categoryUpkeep.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const NOW = Date.parse('2026-11-20T18:00:00Z');

describe('the category upkeep of the published examples', () => {
  it('counts published incidents and entries per configured category, with never-used ones and the uncategorised share', () => {
    const config = readConfig(PROJECT_ROOT);
    const ids = listIncidentIds(PROJECT_ROOT);
    const loaded = ids.map((id) => loadChecked(PROJECT_ROOT, id, config, NOW, new Set(ids))!);
    const incidents = loaded.filter((l) => !l.incident.internal).map((l) => archiveIncident(publication(l.incident, l.findings, config), config, NOW, l.incident.entries));
    const upkeep = publishedCategoryUpkeep({ incidents, config });
    // The internal api-keys incident is not published: its category shows as never used here.
    expect(upkeep.categories.find((c) => c.category === 'api-keys')).toMatchObject({ incidents: 0, entries: 0 });
    expect(upkeep.neverUsed).toContain('api-keys');
    expect(upkeep.categories.find((c) => c.category === 'outage')).toMatchObject({ group: 'availability', incidents: 2 });
    const entries = incidents.reduce((s, i) => s + i.entryCount, 0);
    const categorised = upkeep.categories.reduce((s, c) => s + c.entries, 0);
    expect(upkeep.uncategorised).toEqual({ incidents: 0, ofIncidents: incidents.length, entries: entries - categorised, ofEntries: entries });
  });
});
