import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../testing/runRules.ts';
import { fixtureReport, incidentWith } from '../testing/reportFixtures.ts';
import { reportMissing } from './reportMissing.ts';

const run = (incident: ReturnType<typeof incidentWith>) => reportMissing.run(incident, { config: defaultConfig, now: 0 });

describe('report-missing', () => {
  it('reports a closed incident without report.md, on the file that should exist, without a line', () => {
    expect(run(incidentWith(undefined, { status: 'closed' }))).toEqual([
      {
        rule: 'report-missing',
        file: 'incidents/test-incident/report.md',
        message:
          'Incident is closed but has no report.md: write incidents/test-incident/report.md with a section for each required heading (Date of incident, Reporter, Severity, Timeline of response, Exposure / impacts, Suspected root cause, Resolution of issue, Mitigation steps / prevention in future)',
      },
    ]);
  });

  it('asks nothing of open or resolved incidents, nor of a closed one with a report', () => {
    expect(run(incidentWith(undefined, { status: 'open' }))).toEqual([]);
    expect(run(incidentWith(undefined, { status: 'resolved' }))).toEqual([]);
    expect(run(incidentWith(fixtureReport('report-heading/complete'), { status: 'closed' }))).toEqual([]);
  });
});
