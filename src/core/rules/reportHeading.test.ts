import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { fixtureFindings, fixtureReport, incidentWith } from '../testing/reportFixtures.ts';
import { reportHeading } from './reportHeading.ts';
import { defaultConfig } from '../testing/runRules.ts';

const run = (fixture: string, config = defaultConfig) => reportHeading.run(incidentWith(fixtureReport(fixture)), { config, now: 0 });

describe('report-heading', () => {
  it('finds nothing, and no report rule does, on a complete report', () => {
    expect(fixtureFindings('report-heading/complete', { severity: 'high' })).toEqual([]);
  });

  it('reports a missing heading once, at line 1, naming what else is accepted', () => {
    expect(run('report-heading/missing-root-cause')).toEqual([
      {
        rule: 'report-heading',
        file: 'incidents/test-incident/report.md',
        line: 1,
        message: 'Required heading "Suspected root cause" is missing from the report (also accepted: "Root cause", "Root causes", "Cause"): add a "## Suspected root cause" section',
      },
    ]);
  });

  it('accepts aliases in any case, at any level, with a trailing colon, and &, / or "and" alike', () => {
    expect(run('report-heading/aliases-colons-case')).toEqual([]);
  });

  it('accepts setext headings, closed ATX headings and a heading text over two lines', () => {
    expect(run('report-heading/setext-and-levels')).toEqual([]);
  });

  it('does not count a heading inside a fenced or indented code block', () => {
    expect(run('report-heading/heading-in-code-block').map((f) => f.message)).toEqual([
      expect.stringMatching(/^Required heading "Suspected root cause" is missing/),
    ]);
  });

  it('checks the headings the config requires, one finding per missing heading', () => {
    const config = parseConfig('report:\n  required_headings:\n    - name: Summary\n    - name: Timeline of response\n    - name: Lessons learned\n      aliases: [Lessons]\n');
    expect(run('report-heading/complete', config).map((f) => f.message)).toEqual([
      'Required heading "Summary" is missing from the report: add a "## Summary" section',
      'Required heading "Lessons learned" is missing from the report (also accepted: "Lessons"): add a "## Lessons learned" section',
    ]);
  });

  it('does nothing without a report (that is report-missing)', () => {
    expect(reportHeading.run(incidentWith(undefined), { config: defaultConfig, now: 0 })).toEqual([]);
  });
});
