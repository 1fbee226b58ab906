import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../testing/runRules.ts';
import { fixtureReport, incidentWith, reportFromText } from '../testing/reportFixtures.ts';
import { reportSeverity } from './reportSeverity.ts';

const run = (fixture: string) => reportSeverity.run(incidentWith(fixtureReport(fixture)), { config: defaultConfig, now: 0 });

describe('report-severity', () => {
  it.each(['report-severity/bold-with-dash', 'report-severity/word-with-colon', 'report-severity/list-marker'])('accepts %s', (fixture) => {
    expect(run(fixture)).toEqual([]);
  });

  it('reports a section that does not start with a severity word, at its heading', () => {
    expect(run('report-severity/not-a-severity')).toEqual([
      {
        rule: 'report-severity',
        file: 'incidents/test-incident/report.md',
        line: 16,
        message: 'Section "Severity" starts with "Major", not a severity: start it with critical, high, medium or low (e.g. "**High** — checkout failed for every customer")',
      },
    ]);
  });

  it('reports a section with content but no word at all', () => {
    const report = reportFromText('## Severity\n\n1 / 4\n');
    const config = { ...defaultConfig, requiredHeadings: [{ name: 'Severity', aliases: [] }] };
    expect(reportSeverity.run(incidentWith(report), { config, now: 0 })[0].message).toMatch(/^Section "Severity" has no severity word: start it with/);
  });

  it('leaves a missing or empty section to report-heading and report-empty', () => {
    const config = { ...defaultConfig, requiredHeadings: [{ name: 'Severity', aliases: [] }] };
    for (const text of ['# Report\n', '## Severity\n\nTBD\n', '## Severity\n\n<critical, high, medium or low>\n']) {
      expect(reportSeverity.run(incidentWith(reportFromText(text)), { config, now: 0 })).toEqual([]);
    }
  });

  it('applies only when the required headings include Severity', () => {
    const config = { ...defaultConfig, requiredHeadings: [{ name: 'Summary', aliases: [] }] };
    expect(reportSeverity.run(incidentWith(fixtureReport('report-severity/not-a-severity')), { config, now: 0 })).toEqual([]);
  });
});
