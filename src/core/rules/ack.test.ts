import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { ack } from './ack.ts';

const NY = 'America/New_York';
const run = (incident: ReturnType<ReturnType<typeof buildIncident>['build']>, now: string, config = defaultConfig, zone?: string) =>
  ack.run(incident, { config, now: local(now, zone) });

describe('ack', () => {
  const opened = { opened: '2026-11-02 09:00', priority: 'urgent' as const };

  it('holds when the first reply comes exactly at A, and fails one minute later', () => {
    expect(run(buildIncident(opened).out('09:30').build(), '2026-11-02 12:00')).toEqual([]);
    const late = buildIncident(opened).out('09:31').build();
    const [finding] = run(late, '2026-11-02 12:00');
    expect(finding).toMatchObject({ rule: 'ack', due: local('2026-11-02 09:30'), file: late.entries[0].file, line: 1 });
    expect(finding.message).toBe('First reply to the client came 31m of business time after the report at Mon 2 Nov 09:00 (urgent allows 30m): it was due by 09:30');
  });

  it('with no reply yet, is owed only once End has passed A', () => {
    const incident = buildIncident(opened).in('09:00').build();
    expect(run(incident, '2026-11-02 09:30')).toEqual([]);
    const [finding] = run(incident, '2026-11-02 09:31');
    expect(finding).toMatchObject({ due: local('2026-11-02 09:30'), file: incident.file, line: 1 });
    expect(finding.message).toBe('No reply to the client since the report at Mon 2 Nov 09:00 (urgent allows 30m): a reply was due by 09:30 GMT; acknowledge the report now');
  });

  it('judges a resolved incident with no reply at resolved_at', () => {
    expect(run(buildIncident({ ...opened, resolved: '2026-11-02 09:25' }).build(), '2026-11-03 12:00')).toEqual([]);
    expect(run(buildIncident({ ...opened, resolved: '2026-11-02 10:00' }).build(), '2026-11-03 12:00')).toHaveLength(1);
  });

  it('counts only outbound entries at or after opened_at as replies', () => {
    const incident = buildIncident(opened).out('2026-11-02 08:50').in('09:10').internal('09:20').out('10:00').build();
    expect(run(incident, '2026-11-02 12:00')[0]).toMatchObject({ file: incident.entries[3].file, due: local('2026-11-02 09:30') });
  });

  it('starts on Monday for a report on Saturday, and skips a holiday', () => {
    expect(run(buildIncident({ opened: '2026-11-07 10:00', priority: 'high' }).out('2026-11-09 09:31').build(), '2026-11-09 12:00')[0].due).toBe(local('2026-11-09 09:30'));
    const config = parseConfig('holidays: ["2026-12-25"]\n');
    const incident = buildIncident({ opened: '2026-12-24 17:15', priority: 'high' }).out('2026-12-28 09:16').build();
    expect(run(incident, '2026-12-28 12:00', config)[0].due).toBe(local('2026-12-28 09:15'));
  });

  it('uses the clock and acknowledge_within of the priority in force at opened_at', () => {
    const config = parseConfig('priorities: { urgent: { clock: always, acknowledge_within: 15m } }\n');
    const incident = buildIncident({ opened: '2026-11-07 10:00', priority: 'medium' }).internal('10:00', { priority: 'urgent' }).out('10:16').build();
    expect(run(incident, '2026-11-07 12:00', config)[0].due).toBe(local('2026-11-07 10:15'));
  });

  it('London: a Friday-evening report before the clocks go back is due Mon 09:20 GMT', () => {
    const incident = buildIncident({ opened: '2026-10-23 17:20', priority: 'medium' }).out('2026-10-26 09:21').build();
    const [finding] = run(incident, '2026-10-26 12:00');
    expect(finding.due).toBe(local('2026-10-26T09:20Z'));
    expect(finding.message).toContain('it was due by Mon 26 Oct 09:20 GMT');
  });

  it('New York: a Friday-evening report before the clocks go forward is due Mon 09:20 EDT', () => {
    const incident = buildIncident({ zone: NY, opened: '2026-03-06 17:20', priority: 'medium' }).out('2026-03-09 09:21').build();
    expect(run(incident, '2026-03-09 12:00', defaultConfig, NY)[0].due).toBe(local('2026-03-09T09:20-04:00'));
    const inTime = buildIncident({ zone: NY, opened: '2026-03-06 17:20', priority: 'medium' }).out('2026-03-09 09:20').build();
    expect(run(inTime, '2026-03-09 12:00', defaultConfig, NY)).toEqual([]);
  });
});
