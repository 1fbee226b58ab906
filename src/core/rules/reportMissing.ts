// report-missing: a closed incident has no report.md (rules.md). The finding names the file
// that should exist, without a line: there is no line to point at in a file that is not there.
import { defineRule } from './rule.ts';

export const reportMissing = defineRule({
  id: 'report-missing',
  family: 'validity',
  severity: 'error',
  summary: 'a closed incident has no report.md',
  docs: "A `closed` incident has no `report.md`. Write the report in the incident's folder with a section for each required heading (`commlog report ID` starts one from the template).",
  run(incident, context) {
    if (incident.status !== 'closed' || incident.report) return [];
    const file = `${incident.dir}/report.md`;
    const headings = context.config.requiredHeadings.map((h) => h.name).join(', ');
    return [
      {
        file,
        message: `Incident is closed but has no report.md: write ${file} with a section for each required heading (${headings})`,
      },
    ];
  },
});
