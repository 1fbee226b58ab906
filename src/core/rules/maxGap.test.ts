import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { maxGap } from './maxGap.ts';

const NY = 'America/New_York';
type Incident = ReturnType<ReturnType<typeof buildIncident>['build']>;
const run = (incident: Incident, now: string, config = defaultConfig) => maxGap.run(incident, { config, now: local(now, incident.zone) });
const urgent = (opened = '2026-11-02 09:00', zone?: string) => buildIncident({ opened, priority: 'urgent', zone });

describe('max-gap', () => {
  it('allows exactly max_gap between updates and finds one minute more', () => {
    expect(run(urgent().out('10:00').out('13:00').build(), '2026-11-02 13:00')).toEqual([]);
    const incident = urgent().out('10:00').out('13:01').build();
    expect(run(incident, '2026-11-02 13:01')).toEqual([
      {
        rule: 'max-gap',
        file: incident.entries[0].file,
        line: 1,
        message: 'No update for 3h1m of business time after 10:00 (urgent allows 3h): next update was due by 13:00',
        due: local('2026-11-02 13:00'),
      },
    ]);
  });

  it('measures the open gap up to Now', () => {
    const incident = urgent().out('10:00').build();
    expect(run(incident, '2026-11-02 13:00')).toEqual([]);
    const [finding] = run(incident, '2026-11-02 13:01');
    expect(finding.due).toBe(local('2026-11-02 13:00'));
    expect(finding.message).toBe('No update for 3h1m of business time since 10:00 (urgent allows 3h): next update was due by 13:00; send one now');
  });

  it('stops the clock at resolved_at', () => {
    expect(run(buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent', resolved: '2026-11-02 13:00' }).out('10:00').build(), '2026-11-03 17:00')).toEqual([]);
    const [finding] = run(buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent', resolved: '2026-11-02 14:00' }).out('10:00').out('14:30').build(), '2026-11-03 17:00');
    expect(finding.due).toBe(local('2026-11-02 13:00'));
    expect(finding.message).toContain('until resolution at 14:00');
  });

  it('checks nothing before the first update (ack covers it) or after End', () => {
    expect(run(urgent().in('09:00').build(), '2026-11-03 17:00')).toEqual([]);
    expect(run(buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent', resolved: '2026-11-02 09:30' }).out('16:00').build(), '2026-11-04 17:00')).toEqual([]);
  });

  it('does not count the weekend on the business clock', () => {
    expect(run(urgent('2026-11-06 09:00').out('16:00').out('2026-11-09 10:30').build(), '2026-11-09 10:30')).toEqual([]);
    expect(run(urgent('2026-11-06 09:00').out('16:00').out('2026-11-09 10:31').build(), '2026-11-09 10:31')[0].due).toBe(local('2026-11-09 10:30'));
  });

  it('does not count a holiday on the business clock', () => {
    const config = parseConfig('holidays: ["2026-11-09"]\n');
    const incident = urgent('2026-11-06 09:00').out('16:00').out('2026-11-10 10:31').build();
    expect(run(incident, '2026-11-10 10:31', config)[0].due).toBe(local('2026-11-10 10:30'));
  });

  it('counts the weekend on an always clock', () => {
    const config = parseConfig('priorities: { urgent: { clock: always } }\n');
    const incident = urgent('2026-11-07 09:00').out('10:00').out('13:01').build();
    const [finding] = run(incident, '2026-11-07 13:01', config);
    expect(finding.due).toBe(local('2026-11-07 13:00'));
    expect(finding.message).toBe('No update for 3h1m after 10:00 (urgent allows 3h): next update was due by 13:00');
  });

  it('London: a gap across the clocks going back is due Mon 10:30 GMT', () => {
    expect(run(urgent('2026-10-23 09:00').out('16:00').out('2026-10-26 10:30').build(), '2026-10-26 10:30')).toEqual([]);
    const [finding] = run(urgent('2026-10-23 09:00').out('16:00').out('2026-10-26 10:31').build(), '2026-10-26 10:31');
    expect(finding.due).toBe(local('2026-10-26T10:30Z'));
    expect(finding.message).toBe('No update for 3h1m of business time after 16:00 (urgent allows 3h): next update was due by Mon 26 Oct 10:30 GMT');
  });

  it('New York: a gap across the clocks going back is due Mon 10:30 EST', () => {
    expect(run(urgent('2026-10-30 09:00', NY).out('16:00').out('2026-11-02 10:30').build(), '2026-11-02 10:30')).toEqual([]);
    const [finding] = run(urgent('2026-10-30 09:00', NY).out('16:00').out('2026-11-02 10:31').build(), '2026-11-02 10:31');
    expect(finding.due).toBe(local('2026-11-02T10:30-05:00'));
  });

  it('cuts at a change of priority and measures each segment with its own priority', () => {
    const downgraded = urgent().out('09:00').internal('11:00', { priority: 'medium' }).build();
    expect(run(downgraded, '2026-11-03 17:00')).toEqual([]);
    const lateDowngrade = urgent().out('09:00').internal('12:30', { priority: 'medium' }).build();
    const [finding] = run(lateDowngrade, '2026-11-03 17:00');
    expect(finding).toMatchObject({ due: local('2026-11-02 12:00'), file: lateDowngrade.entries[0].file });
    expect(finding.message).toBe('No update for 3h30m of business time after 09:00 until the priority changed at 12:30 (urgent allows 3h): an update was due by 12:00');
  });

  it('does not cut where an entry restates the priority already in force', () => {
    const incident = urgent().out('09:00').internal('11:00', { priority: 'urgent' }).out('12:30').build();
    expect(run(incident, '2026-11-02 12:30')).toMatchObject([{ due: local('2026-11-02 12:00'), file: incident.entries[0].file }]);
  });
});
