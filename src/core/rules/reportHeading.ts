// report-heading: a required heading is missing, one finding per heading, at line 1 of the report.
import { reportSections } from '../report/sections.ts';
import type { Rule } from './rule.ts';

export const reportHeading: Rule = (incident, context) => {
  const report = incident.report;
  if (!report) return [];
  const required = context.config.requiredHeadings;
  const sections = reportSections(report, required);
  return required.flatMap((heading, i) => {
    if (sections[i]) return [];
    const aliases = heading.aliases.length ? ` (also accepted: ${heading.aliases.map((a) => `"${a}"`).join(', ')})` : '';
    return [
      {
        rule: 'report-heading' as const,
        file: report.file,
        line: 1,
        message: `Required heading "${heading.name}" is missing from the report${aliases}: add a "## ${heading.name}" section`,
      },
    ];
  });
};
