// "priority" means one thing in check and on the site: the priority in force at End; the one at
// opening is named priorityAtOpening. The bundled example was re-triaged from urgent to high.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIncident } from '../core/check.ts';
import { incidentFacts } from '../core/metrics/facts.ts';
import { readConfig, readIncidentFiles } from '../node/repository.ts';
import { complianceNote } from './complianceNote.ts';
import { buildView } from './incidentView.ts';
import { OBLIGATION_RULES } from '../core/obligations/schedule.ts';
import { buildIncident, local } from '../core/testing/incidentBuilder.ts';
import { defaultConfig } from '../core/testing/runRules.ts';

const ROOT = join(import.meta.dirname, '../..');
const ID = '2026-09-14-harbourlane-checkout-500';
const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('priority on the site and in check', () => {
  it('is the priority in force, the same in check, the archive and the incident page; the opening one is named as such', () => {
    const config = readConfig(ROOT);
    const checked = checkIncident(readIncidentFiles(ROOT, ID), { config, now: NOW, knownIds: new Set([ID]) });
    const incident = checked.incident!;
    expect(incident.priority).toBe('urgent');
    expect(checked.summary.priority).toBe('high');
    const facts = incidentFacts(incident, config, NOW);
    expect([facts.priority, facts.priorityAtOpening]).toEqual(['high', 'urgent']);
    const header = buildView(incident, checked.findings, config, NOW).incident;
    expect([header.priority, header.priorityAtOpening]).toEqual(['high', 'urgent']);
  });
});

describe('the priority at opening on the site', () => {
  it('is the one in force at opened_at, from the cadence, in the facts and on the incident page alike', () => {
    const retriaged = buildIncident({ opened: '2026-11-06 09:00', priority: 'low' })
      .in('09:00', { priority: 'high' })
      .out('10:00', { priority: 'medium', next: '11:00' })
      .build();
    const now = local('2026-11-20 12:00');
    expect(incidentFacts(retriaged, defaultConfig, now)).toMatchObject({ priority: 'medium', priorityAtOpening: 'high' });
    expect(buildView(retriaged, [], defaultConfig, now).incident).toMatchObject({ priority: 'medium', priorityAtOpening: 'high' });
  });
});

describe('the compliance note', () => {
  it('names every rule the figure counts on the internal archive', () => {
    for (const rule of OBLIGATION_RULES) expect(complianceNote('internal')).toContain(rule);
  });

  it('names no rule and no tool on a public site, and says what counts in words', () => {
    const note = complianceNote('public');
    // The one-word ids (ack, window, weekly) are plain English; the hyphenated ones are ids only.
    for (const rule of OBLIGATION_RULES.filter((r) => r.includes('-'))) expect(note).not.toContain(rule);
    expect(note).not.toMatch(/\brules?\b|commlog/);
    expect(note).toContain('promised next update');
  });
});
