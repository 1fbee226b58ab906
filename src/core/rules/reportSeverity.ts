// report-severity: the Severity section does not start with critical, high, medium or low
// (rules.md). Only for a section that exists and has content: a missing or empty one is
// report-heading's or report-empty's.
import type { Incident } from '../model.ts';
import type { ReportDocument } from '../report/reportDocument.ts';
import { reportSections, sectionWithRole, type ReportSection } from '../report/sections.ts';
import { firstWord } from '../report/sectionText.ts';
import { SEVERITIES, type Severity } from '../schema/values.ts';
import { defineRule, type RuleContext } from './rule.ts';

export function isSeverity(word: string | undefined): word is Severity {
  return word !== undefined && (SEVERITIES as readonly string[]).includes(word.toLowerCase());
}

/**
 * The report's Severity section when it has content, with its first word: what both severity
 * rules read. A missing or empty section is report-heading's or report-empty's.
 */
export function severitySection(incident: Incident, context: RuleContext): { report: ReportDocument; section: ReportSection; word: string | undefined } | undefined {
  const report = incident.report;
  if (!report) return undefined;
  const section = sectionWithRole(reportSections(report, context.config.requiredHeadings), 'severity');
  if (!section || section.empty) return undefined;
  return { report, section, word: firstWord(section.content) };
}

export const reportSeverity = defineRule({
  id: 'report-severity',
  family: 'validity',
  severity: 'error',
  summary: 'the Severity section does not start with critical, high, medium or low',
  docs: "The report's Severity section does not start with `critical`, `high`, `medium` or `low` (after emphasis and a leading list marker). Start it with one of them, then say why.",
  run(incident, context) {
    const found = severitySection(incident, context);
    if (!found || isSeverity(found.word)) return [];
    const { report, section, word } = found;
    const what = word === undefined ? 'has no severity word' : `starts with "${word}", not a severity`;
    return [
      {
        file: report.file,
        line: section.heading.line,
        message: `Section "${section.heading.text}" ${what}: start it with critical, high, medium or low (e.g. "**High** — checkout failed for every customer")`,
      },
    ];
  },
});
