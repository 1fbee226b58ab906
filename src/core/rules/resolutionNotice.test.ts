import { describe, expect, it } from 'vitest';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { resolutionNotice } from './resolutionNotice.ts';

type Incident = ReturnType<ReturnType<typeof buildIncident>['build']>;
const run = (incident: Incident) => resolutionNotice.run(incident, { config: defaultConfig, now: local('2026-11-05 12:00') });
const resolved = (status: 'resolved' | 'closed' = 'resolved') =>
  buildIncident({ opened: '2026-11-02 09:00', priority: 'high', resolved: '2026-11-02 15:00', status }).out('09:10', { next: '12:00' });

describe('resolution-notice', () => {
  it('finds a resolved or closed incident with no update at or after resolved_at, at the resolved_at line', () => {
    const incident = resolved().out('14:59').in('16:00').internal('16:30').build();
    expect(run(incident)).toEqual([
      {
        rule: 'resolution-notice',
        file: incident.file,
        line: incident.keyLines.resolved_at,
        message: 'Resolved at Mon 2 Nov 15:00 but the client was never told: no update at or after resolution and none of kind resolution; tell the client and log it (kind: resolution)',
      },
    ]);
    expect(run(resolved('closed').build())).toHaveLength(1);
  });

  it('is satisfied by an update exactly at resolved_at, or by an earlier update of kind resolution', () => {
    expect(run(resolved().out('15:00').build())).toEqual([]);
    expect(run(resolved().out('14:00', { kind: 'resolution' }).build())).toEqual([]);
  });

  it('does not apply to an open incident', () => {
    expect(run(buildIncident({ opened: '2026-11-02 09:00', priority: 'high' }).build())).toEqual([]);
  });
});
