import { describe, expect, it } from 'vitest';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { nextUpdateMissing } from './nextUpdateMissing.ts';

type Incident = ReturnType<ReturnType<typeof buildIncident>['build']>;
const run = (incident: Incident) => nextUpdateMissing.run(incident, { config: defaultConfig, now: local('2026-11-04 12:00') });

describe('next-update-missing', () => {
  it('finds an update with no next_update_by, pointing at the entry', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'high' }).out('09:10', { next: '12:00' }).out('11:00').build();
    expect(run(incident)).toEqual([
      {
        rule: 'next-update-missing',
        file: incident.entries[1].file,
        line: 1,
        message: 'The update of Mon 2 Nov 11:00 did not tell the client when the next update comes: every update should name a time (next_update_by); tell the client in the next one',
      },
    ]);
  });

  it('does not ask it of inbound or internal entries, nor of a resolution', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'high' }).in('09:00').internal('09:30').out('10:00', { kind: 'resolution' }).build();
    expect(run(incident)).toEqual([]);
  });

  it('asks it only of updates before resolved_at', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'high', resolved: '2026-11-02 15:00' }).out('14:59').out('15:00').out('16:00').build();
    expect(run(incident).map((f) => f.file)).toEqual([incident.entries[0].file]);
  });
});
