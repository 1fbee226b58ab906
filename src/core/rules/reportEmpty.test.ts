import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../testing/runRules.ts';
import { fixtureReport, incidentWith, reportFromText } from '../testing/reportFixtures.ts';
import { reportEmpty } from './reportEmpty.ts';

const run = (fixture: string) => reportEmpty.run(incidentWith(fixtureReport(fixture)), { config: defaultConfig, now: 0 });
const messages = (fixture: string) => run(fixture).map((f) => f.message);

describe('report-empty', () => {
  it('reports a section holding only TBD at its heading, saying what to write', () => {
    expect(run('report-empty/empty-tbd-only')).toEqual([
      {
        rule: 'report-empty',
        file: 'incidents/test-incident/report.md',
        line: 26,
        message: 'Section "Exposure / impacts" has no content (only "TBD"): describe who was affected and how',
      },
    ]);
  });

  it('removes <…> fill-ins and HTML comments, even over several lines', () => {
    expect(messages('report-empty/fill-ins-and-comments')).toEqual([
      'Section "Exposure / impacts" is empty: describe who was affected and how',
      'Section "Suspected root cause" is empty: describe what is thought to have caused it (or that it is unknown, and what is being done to find out)',
    ]);
  });

  it('counts N/A as content, with or without an explanation', () => {
    expect(run('report-empty/na-is-content')).toEqual([]);
  });

  it('drops list markers, task boxes, emphasis, quote and table markup, and ignores punctuation around placeholders', () => {
    expect(messages('report-empty/placeholders-and-markup')).toEqual([
      'Section "Exposure / impacts" has no content (only "TODO", "tbd", "FIXME"): describe who was affected and how',
      'Section "Suspected root cause" has no content (only "TBD", "Todo"): describe what is thought to have caused it (or that it is unknown, and what is being done to find out)',
    ]);
  });

  it('counts sub-headings only through the text under them', () => {
    expect(messages('report-empty/subheadings-without-text')).toEqual(['Section "Exposure / impacts" is empty: describe who was affected and how']);
  });

  it('names the heading as written and gives generic advice for a team heading of its own', () => {
    const report = reportFromText('# Report\n\n## Lessons:\n\n<!-- fill in -->\n');
    const config = { ...defaultConfig, requiredHeadings: [{ name: 'Lessons learned', aliases: ['Lessons'] }] };
    expect(reportEmpty.run(incidentWith(report), { config, now: 0 }).map((f) => [f.line, f.message])).toEqual([
      [3, 'Section "Lessons:" is empty: write it, or "N/A" with the reason it does not apply'],
    ]);
  });
});
