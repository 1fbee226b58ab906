import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { updateWindow } from './window.ts';

const NY = 'America/New_York';
type Incident = ReturnType<ReturnType<typeof buildIncident>['build']>;
const run = (incident: Incident, now: string, config = defaultConfig) => updateWindow.run(incident, { config, now: local(now, incident.zone) });
/** A medium-priority incident opened at 09:00 and acknowledged at 09:05 the same day. */
const medium = (opened = '2026-11-02 09:00', extra: { zone?: string; resolved?: string } = {}) => buildIncident({ opened, priority: 'medium', ...extra }).out('09:05');

describe('window', () => {
  it('counts updates on both ends of the window and none a minute outside', () => {
    expect(run(medium().out('14:00').build(), '2026-11-02 17:00')).toEqual([]);
    expect(run(medium().out('16:30').build(), '2026-11-02 17:00')).toEqual([]);
    expect(run(medium().out('13:59').build(), '2026-11-02 17:00')).toHaveLength(1);
    const incident = medium().out('16:31').build();
    expect(run(incident, '2026-11-02 17:00')).toEqual([
      {
        rule: 'window',
        file: incident.file,
        line: 1,
        message: 'No update in the end-of-day window on Mon 2 Nov (14:00–16:30 GMT, expected at medium priority): an update was due by 16:30',
        due: local('2026-11-02 16:30'),
        window: 'end-of-day',
      },
    ]);
  });

  it('is due once Now reaches the end of the window', () => {
    expect(run(medium().build(), '2026-11-02 16:29')).toEqual([]);
    expect(run(medium().build(), '2026-11-02 16:30')).toHaveLength(1);
  });

  it('is owed only while unresolved at the end of the window', () => {
    expect(run(medium('2026-11-02 09:00', { resolved: '2026-11-02 16:30' }).build(), '2026-11-03 17:00')).toEqual([]);
    expect(run(medium('2026-11-02 09:00', { resolved: '2026-11-02 16:31' }).build(), '2026-11-03 17:00')).toHaveLength(1);
  });

  it('is not owed before the acknowledgement deadline A', () => {
    const lateReport = buildIncident({ opened: '2026-11-02 16:15', priority: 'medium' }).out('16:40').build();
    expect(run(lateReport, '2026-11-02 17:00')).toEqual([]);
    const earlier = buildIncident({ opened: '2026-11-02 16:00', priority: 'medium' }).out('16:40').build();
    expect(run(earlier, '2026-11-02 17:00')).toHaveLength(1);
  });

  it('has no windows at weekends or on holidays, whatever the clock', () => {
    const config = parseConfig('holidays: ["2026-11-09"]\npriorities: { medium: { clock: always } }\n');
    const incident = buildIncident({ opened: '2026-11-06 09:00', priority: 'medium' }).out('09:05').out('15:00').build();
    expect(run(incident, '2026-11-10 09:00', config)).toEqual([]);
    expect(run(incident, '2026-11-10 16:30', config).map((f) => f.due)).toEqual([local('2026-11-10 16:30')]);
  });

  it('takes the windows of the priority in force at each window end', () => {
    const incident = medium().internal('12:00', { priority: 'high' }).out('14:30').build();
    const findings = run(incident, '2026-11-02 17:00');
    expect(findings.map((f) => [f.window, f.due])).toEqual([['lunchtime', local('2026-11-02 13:30')]]);
  });

  it('London: a window on the Sunday the clocks go back is in GMT', () => {
    const config = parseConfig('business_hours: { days: [sun, mon, tue, wed, thu, fri] }\n');
    const opened = () => medium('2026-10-25 09:00');
    expect(run(opened().build(), '2026-10-25 18:00', config)[0].due).toBe(local('2026-10-25T16:30Z'));
    // 16:15 UTC is 16:15 GMT, inside 14:00–16:30 (in BST it would be 17:15).
    expect(run(opened().out('2026-10-25T16:15Z').build(), '2026-10-25 18:00', config)).toEqual([]);
    expect(run(opened().out('2026-10-25T16:31Z').build(), '2026-10-25 18:00', config)).toHaveLength(1);
  });

  it('New York: a window on the Sunday the clocks go forward is in EDT', () => {
    const config = parseConfig('business_hours: { days: [sun, mon, tue, wed, thu, fri] }\n');
    const opened = () => medium('2026-03-08 09:00', { zone: NY });
    expect(run(opened().build(), '2026-03-08 18:00', config)[0].due).toBe(local('2026-03-08T16:30-04:00'));
    // 20:30 UTC is 16:30 EDT, the window's last minute (in EST it would be 15:30, a minute later 15:31).
    expect(run(opened().out('2026-03-08T20:30Z').build(), '2026-03-08 18:00', config)).toEqual([]);
    expect(run(opened().out('2026-03-08T20:31Z').build(), '2026-03-08 18:00', config)).toHaveLength(1);
  });
});
