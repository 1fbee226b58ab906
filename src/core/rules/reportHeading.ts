// report-heading: a required heading is missing, one finding per heading, at line 1 of the report.
import { reportSections } from '../report/sections.ts';
import { defineRule } from './rule.ts';

export const reportHeading = defineRule({
  id: 'report-heading',
  family: 'validity',
  severity: 'error',
  summary: 'a required report heading is missing',
  docs: 'A required heading of the report (config `report.required_headings`, with their aliases) is missing: one finding per heading, at line 1 of the report. Headings match ignoring case, surrounding whitespace and a trailing colon; `&`, `/` and `and` are the same separator. Add the section.',
  run(incident, context) {
    const report = incident.report;
    if (!report) return [];
    const required = context.config.requiredHeadings;
    const sections = reportSections(report, required);
    return required.flatMap((heading, i) => {
      if (sections[i]) return [];
      const aliases = heading.aliases.length ? ` (also accepted: ${heading.aliases.map((a) => `"${a}"`).join(', ')})` : '';
      return [
        {
          file: report.file,
          line: 1,
          message: `Required heading "${heading.name}" is missing from the report${aliases}: add a "## ${heading.name}" section`,
        },
      ];
    });
  },
});
