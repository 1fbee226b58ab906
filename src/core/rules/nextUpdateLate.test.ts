import { describe, expect, it } from 'vitest';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { nextUpdateLate } from './nextUpdateLate.ts';

type Incident = ReturnType<ReturnType<typeof buildIncident>['build']>;
const run = (incident: Incident, now: string) => nextUpdateLate.run(incident, { config: defaultConfig, now: local(now, incident.zone) });
const high = (resolved?: string) => buildIncident({ opened: '2026-11-02 09:00', priority: 'high', resolved }).out('09:10', { next: '11:00' });

describe('next-update-late', () => {
  it('holds when the next update comes exactly at the promised time, and fails a minute later', () => {
    expect(run(high().out('11:00').build(), '2026-11-02 11:00')).toEqual([]);
    const incident = high().out('11:01').build();
    expect(run(incident, '2026-11-02 11:01')).toEqual([
      {
        rule: 'next-update-late',
        file: incident.entries[0].file,
        line: incident.entries[0].keyLines.next_update_by,
        message: 'The update at 09:10 promised the next one by 11:00; it came at 11:01, 1m late',
        due: local('2026-11-02 11:00'),
      },
    ]);
  });

  it('with no later update, is late once End passes the promised time', () => {
    expect(run(high().build(), '2026-11-02 11:00')).toEqual([]);
    const [finding] = run(high().build(), '2026-11-02 11:01');
    expect(finding.message).toBe('The update at 09:10 promised the next one by 11:00; none has come: send one now');
  });

  it('judges the promise across resolution: by when the client next heard from us', () => {
    expect(run(high('2026-11-02 10:00').build(), '2026-11-03 12:00')).toEqual([]);
    expect(run(high('2026-11-02 10:00').out('11:00').build(), '2026-11-03 12:00')).toEqual([]);
    expect(run(high('2026-11-02 10:00').out('11:30').build(), '2026-11-03 12:00').map((f) => f.due)).toEqual([local('2026-11-02 11:00')]);
    const [unresolvedAtDeadline] = run(high('2026-11-02 12:00').build(), '2026-11-03 12:00');
    expect(unresolvedAtDeadline.message).toBe('The update at 09:10 promised the next one by 11:00; none came before resolution at 12:00: tell the client it is resolved');
  });

  it('ignores inbound and internal entries as the next update', () => {
    const incident = high().in('10:00').internal('10:30').out('12:00').build();
    expect(run(incident, '2026-11-02 12:00').map((f) => f.due)).toEqual([local('2026-11-02 11:00')]);
  });

  it('names days and the zone when the promise spans the clocks going back (London)', () => {
    const incident = buildIncident({ opened: '2026-10-23 09:00', priority: 'high' }).out('16:00', { next: '2026-10-26 09:00' }).out('2026-10-26 10:00').build();
    const [finding] = run(incident, '2026-10-26 12:00');
    expect(finding.due).toBe(local('2026-10-26T09:00Z'));
    expect(finding.message).toBe('The update at 16:00 promised the next one by Mon 26 Oct 09:00 GMT; it came at Mon 26 Oct 10:00 GMT, 1h late');
  });

  it('New York: a promise for Monday 09:00 after the clocks go back is 09:00 EST', () => {
    const incident = buildIncident({ zone: 'America/New_York', opened: '2026-10-30 09:00', priority: 'high' }).out('16:00', { next: '2026-11-02 09:00' }).build();
    expect(run(incident, '2026-11-02 09:00')).toEqual([]);
    expect(run(incident, '2026-11-02 09:01')[0].due).toBe(local('2026-11-02T09:00-05:00'));
  });
});
