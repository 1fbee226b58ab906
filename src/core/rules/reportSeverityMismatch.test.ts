import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../testing/runRules.ts';
import { fixtureReport, incidentWith } from '../testing/reportFixtures.ts';
import { reportSeverityMismatch } from './reportSeverityMismatch.ts';

const run = (fixture: string, severity?: 'critical' | 'high' | 'medium' | 'low') =>
  reportSeverityMismatch.run(incidentWith(fixtureReport(fixture), { severity }), { config: defaultConfig, now: 0 });

describe('report-severity-mismatch', () => {
  it('holds when frontmatter, section and incident.md agree, whatever the case of the word', () => {
    expect(run('report-heading/complete', 'high')).toEqual([]);
    expect(run('report-severity/word-with-colon', 'high')).toEqual([]);
  });

  it("reports frontmatter severity that differs from the section's word, at the Severity heading", () => {
    expect(run('report-severity-mismatch/frontmatter-differs', 'high')).toEqual([
      {
        rule: 'report-severity-mismatch',
        file: 'incidents/test-incident/report.md',
        line: 16,
        message: 'The report\'s frontmatter says severity "medium" but its "Severity" section says "high": make them the same',
      },
    ]);
  });

  it("compares the section's word, not the frontmatter, with incident.md", () => {
    expect(run('report-severity-mismatch/frontmatter-differs', 'medium').map((f) => f.message)).toEqual([
      'The report\'s frontmatter says severity "medium" but its "Severity" section says "high": make them the same',
      'The report\'s severity is "high" ("Severity" section) but incident.md says "medium": correct whichever is out of date',
    ]);
  });

  it('needs a valid section word and the other side', () => {
    expect(run('report-severity/not-a-severity', 'low')).toEqual([]);
    expect(run('report-heading/complete')).toEqual([]);
  });
});
