// "priority" means one thing in check and on the site: the priority in force at End; the one at
// opening is named priorityAtOpening. The bundled example was re-triaged from urgent to high.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIncident } from '../core/check.ts';
import { incidentFacts } from '../core/metrics/facts.ts';
import { readConfig, readIncidentFiles } from '../node/repository.ts';
import { COMPLIANCE_NOTE } from './complianceNote.ts';
import { buildView } from './incidentView.ts';
import { OBLIGATION_RULES } from '../core/obligations/schedule.ts';

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

describe('the compliance note', () => {
  it('names every rule the figure counts', () => {
    for (const rule of OBLIGATION_RULES) expect(COMPLIANCE_NOTE).toContain(rule);
  });
});
