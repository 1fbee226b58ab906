// report-missing: a closed incident has no report.md (rules.md). The finding names the file
// that should exist, without a line: there is no line to point at in a file that is not there.
import type { Rule } from './rule.ts';

export const reportMissing: Rule = (incident, context) => {
  if (incident.status !== 'closed' || incident.report) return [];
  const file = `${incident.dir}/report.md`;
  const headings = context.config.requiredHeadings.map((h) => h.name).join(', ');
  return [
    {
      rule: 'report-missing',
      file,
      message: `Incident is closed but has no report.md: write ${file} with a section for each required heading (${headings})`,
    },
  ];
};
