import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../testing/runRules.ts';
import { fixtureReport, incidentWith, reportFromText } from '../testing/reportFixtures.ts';
import { reportTimeline } from './reportTimeline.ts';

const run = (fixture: string) => reportTimeline.run(incidentWith(fixtureReport(fixture)), { config: defaultConfig, now: 0 });

describe('report-timeline', () => {
  it('accepts HH:MM, H:MM and times given as sub-headings', () => {
    expect(run('report-heading/complete')).toEqual([]);
    expect(run('report-timeline/h-mm')).toEqual([]);
    expect(run('report-timeline/times-in-subheadings')).toEqual([]);
  });

  it('reports a timeline without a time of day (a date or an unfilled HH:MM is none), at its heading', () => {
    expect(run('report-timeline/no-time-of-day')).toEqual([
      {
        rule: 'report-timeline',
        file: 'incidents/test-incident/report.md',
        line: 20,
        message: 'Section "Timeline of response" gives no time of day: say when each event happened as HH:MM (e.g. "09:05 first reply to the client")',
      },
    ]);
  });

  it('applies to the section under an alias, and not to an empty section', () => {
    const config = { ...defaultConfig, requiredHeadings: [{ name: 'Timeline of response', aliases: ['Timeline'] }] };
    expect(reportTimeline.run(incidentWith(reportFromText('## Timeline:\n\nOn Monday morning\n')), { config, now: 0 })).toHaveLength(1);
    expect(reportTimeline.run(incidentWith(reportFromText('## Timeline\n\nTBD\n')), { config, now: 0 })).toEqual([]);
    expect(reportTimeline.run(incidentWith(reportFromText('## Timeline\n\n<!-- 24:00 is not a time -->\n25:61 nor is this\n')), { config, now: 0 })).toHaveLength(1);
  });
});
