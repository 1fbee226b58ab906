import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { categoryUpkeep, type CategorisedIncident } from './categories.ts';

const t = (iso: string) => Date.parse(iso);
const incidents: CategorisedIncident[] = [
  { category: 'outage', openedAt: t('2026-05-12T09:00Z'), entries: [{ at: t('2026-05-12T09:10Z'), category: 'outage' }, { at: t('2026-05-12T10:00Z') }] },
  { category: 'sso', openedAt: t('2026-09-01T09:00Z'), entries: [{ at: t('2026-09-01T09:30Z'), category: 'outage' }] },
  { openedAt: t('2026-10-01T09:00Z'), entries: [{ at: t('2026-10-01T09:30Z') }] },
];

describe('categoryUpkeep', () => {
  it('counts incidents and entries per configured category, with first and last use, in the config order and groups', () => {
    const config = parseConfig('categories:\n  availability: [outage, slowness]\n  access: [login, sso]\n');
    const u = categoryUpkeep(incidents, config);
    expect(u.configured).toBe(true);
    expect(u.categories).toEqual([
      { category: 'outage', group: 'availability', incidents: 1, entries: 2, firstUse: t('2026-05-12T09:00Z'), lastUse: t('2026-09-01T09:30Z') },
      { category: 'slowness', group: 'availability', incidents: 0, entries: 0 },
      { category: 'login', group: 'access', incidents: 0, entries: 0 },
      { category: 'sso', group: 'access', incidents: 1, entries: 0, firstUse: t('2026-09-01T09:00Z'), lastUse: t('2026-09-01T09:00Z') },
    ]);
    expect(u.neverUsed).toEqual(['slowness', 'login']);
    expect(u.uncategorised).toEqual({ incidents: 1, ofIncidents: 3, entries: 2, ofEntries: 4 });
  });

  it('with since counts only incidents opened and entries dated from then', () => {
    const config = parseConfig('categories: [outage, sso]\n');
    const u = categoryUpkeep(incidents, config, t('2026-09-01T09:15Z'));
    expect(u.categories.map((c) => [c.category, c.incidents, c.entries])).toEqual([
      ['outage', 0, 1],
      ['sso', 0, 0],
    ]);
    expect(u.neverUsed).toEqual(['sso']);
    expect(u.uncategorised).toEqual({ incidents: 1, ofIncidents: 1, entries: 1, ofEntries: 2 });
  });

  it('lists every category in use, by name, when the config lists none', () => {
    const u = categoryUpkeep(incidents, parseConfig(undefined));
    expect(u.configured).toBe(false);
    expect(u.categories.map((c) => c.category)).toEqual(['outage', 'sso']);
    expect(u.neverUsed).toEqual([]);
  });
});
