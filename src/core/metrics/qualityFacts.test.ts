// The fact behind the trends page's report row: whether a closed incident's report was sent.
import { describe, expect, it } from 'vitest';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { incidentFacts } from './facts.ts';

const NOW = local('2026-11-20 12:00');
const closed = () =>
  buildIncident({ opened: '2026-11-06 09:00', priority: 'high', resolved: '2026-11-06 15:00', status: 'closed' }).out('09:10', { next: '12:00' }).out('15:00', { kind: 'resolution' });

describe('quality facts', () => {
  it('record whether a closed incident sent its report, and nothing for one not closed', () => {
    expect(incidentFacts(closed().build(), defaultConfig, NOW).reportSent).toBe(false);
    expect(incidentFacts(closed().out('2026-11-09 10:00', { kind: 'report-sent' }).build(), defaultConfig, NOW).reportSent).toBe(true);
    expect(incidentFacts(buildIncident({ opened: '2026-11-06 09:00', priority: 'high' }).build(), defaultConfig, NOW).reportSent).toBeUndefined();
  });
});

describe('the priority at opening', () => {
  // rules.md: the priority in force at t is the last entry's with `at ≤ t` that sets one, else
  // incident.md's; the site and incidents.json show it beside the priority in force at End.
  it("is incident.md's when the priority changed after opening", () => {
    const raised = buildIncident({ opened: '2026-11-06 09:00', priority: 'medium' }).in('09:00').out('10:00', { priority: 'urgent', next: '11:00' }).build();
    expect(incidentFacts(raised, defaultConfig, NOW)).toMatchObject({ priorityAtOpening: 'medium', priority: 'urgent' });
  });

  it("is the re-triaged one when an entry at opened_at sets it, even if it changed again later", () => {
    const retriaged = buildIncident({ opened: '2026-11-06 09:00', priority: 'low' })
      .in('09:00', { priority: 'high' })
      .out('10:00', { priority: 'medium', next: '11:00' })
      .build();
    expect(incidentFacts(retriaged, defaultConfig, NOW)).toMatchObject({ priorityAtOpening: 'high', priority: 'medium' });
  });
});
