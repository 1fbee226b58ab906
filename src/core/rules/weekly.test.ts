import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { weekly } from './weekly.ts';

const NY = 'America/New_York';
type Incident = ReturnType<ReturnType<typeof buildIncident>['build']>;
const run = (incident: Incident, now: string, config = defaultConfig) => weekly.run(incident, { config, now: local(now, incident.zone) });
/** A low-priority incident opened at 09:00 and acknowledged at 09:10 the same day. */
const low = ({ opened = '2026-11-02 09:00', ...extra }: { zone?: string; resolved?: string; opened?: string } = {}) =>
  buildIncident({ opened, priority: 'low', ...extra }).out('09:10');

describe('weekly', () => {
  it('is due at business_hours.end on the last business day of a week with no update', () => {
    expect(run(low().build(), '2026-11-13 17:29')).toEqual([]);
    const incident = low().build();
    expect(run(incident, '2026-11-13 17:30')).toEqual([
      {
        rule: 'weekly',
        file: incident.file,
        line: 1,
        message: 'No update in the week of Mon 9 Nov (low priority expects one a week): an update was due by Fri 13 Nov 17:30 GMT',
        due: local('2026-11-13 17:30'),
      },
    ]);
  });

  it('counts updates from Monday 00:00 to the deadline, both included', () => {
    expect(run(low().out('2026-11-09 00:00').build(), '2026-11-13 18:00')).toEqual([]);
    expect(run(low().out('2026-11-13 17:30').build(), '2026-11-13 18:00')).toEqual([]);
    expect(run(low().out('2026-11-08 23:59').build(), '2026-11-13 18:00')).toHaveLength(1);
    expect(run(low().out('2026-11-13 17:31').build(), '2026-11-13 18:00')).toHaveLength(1);
  });

  it('moves the deadline to Thursday when Friday is a holiday, and skips a week with no business day', () => {
    const friday = parseConfig('holidays: ["2026-11-13"]\n');
    expect(run(low().build(), '2026-11-13 18:00', friday).map((f) => f.due)).toEqual([local('2026-11-12 17:30')]);
    const wholeWeek = parseConfig('holidays: ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"]\n');
    expect(run(low().build(), '2026-11-16 18:00', wholeWeek)).toEqual([]);
  });

  it('is owed only while unresolved at the deadline, and only for weekly priorities', () => {
    expect(run(low({ resolved: '2026-11-13 17:30' }).build(), '2026-11-20 18:00')).toEqual([]);
    expect(run(low({ resolved: '2026-11-13 17:31' }).build(), '2026-11-20 18:00')).toHaveLength(1);
    const raised = low().internal('2026-11-10 09:00', { priority: 'medium' }).build();
    expect(run(raised, '2026-11-13 18:00')).toEqual([]);
  });

  it('London: the week after the clocks go forward starts at Monday 00:00 BST', () => {
    // Sun 29 Mar 23:30 UTC is Mon 30 Mar 00:30 BST: in the new week.
    expect(run(low({ opened: '2026-03-23 09:00' }).out('2026-03-29T23:30Z').build(), '2026-04-03 18:00')).toEqual([]);
    // Sun 29 Mar 22:59 UTC is Sun 23:59 BST: still the old week.
    const [finding] = run(low({ opened: '2026-03-23 09:00' }).out('2026-03-29T22:59Z').build(), '2026-04-03 18:00');
    expect(finding.due).toBe(local('2026-04-03T17:30+01:00'));
  });

  it('New York: the deadline of the week the clocks go back is Friday 17:30 EDT', () => {
    const incident = low({ zone: NY, opened: '2026-10-19 09:00' }).build();
    expect(run(incident, '2026-10-30 18:00').map((f) => f.due)).toEqual([local('2026-10-30T17:30-04:00')]);
    expect(run(incident, '2026-11-06 18:00').map((f) => f.due)).toEqual([local('2026-10-30T17:30-04:00'), local('2026-11-06T17:30-05:00')]);
  });
});
