import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { incidentFacts } from './facts.ts';
import { entry, incident } from './testIncident.ts';
import { triageConsistency } from './triage.ts';

describe('triage consistency, from the facts of each incident', () => {
  it('counts the incidents with a triage answer, and those opened at least at the implied priority', () => {
    const incidents = [
      incident({ opened: '2026-11-02 09:00', triage: 'blocked', priority: 'urgent' }),
      incident({ opened: '2026-11-02 09:00', triage: 'workaround', priority: 'urgent' }),
      incident({ opened: '2026-11-02 09:00', triage: 'deadline', priority: 'high' }),
      // Re-triaged by an entry at opening: the priority in force then counts.
      incident({ opened: '2026-11-02 09:00', triage: 'inconvenience', priority: 'low', entries: [entry('2026-11-02 09:00', { direction: 'internal', priority: 'medium' })] }),
      // Re-triaged later: too late to count.
      incident({ opened: '2026-11-02 09:00', triage: 'blocked', priority: 'high', entries: [entry('2026-11-02 10:00', { direction: 'internal', priority: 'urgent' })] }),
      incident({ opened: '2026-11-02 09:00', priority: 'low' }),
    ];
    const config = parseConfig(undefined);
    const facts = incidents.map((i) => incidentFacts(i, config, i.openedAt + 3_600_000));
    expect(facts.map((f) => f.triagedConsistently)).toEqual([true, true, false, true, false, undefined]);
    expect(triageConsistency(facts)).toEqual({ triaged: 5, consistent: 3 });
    expect(triageConsistency([])).toEqual({ triaged: 0, consistent: 0 });
  });
});
