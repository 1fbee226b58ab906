// report-severity-mismatch (rules.md): the Severity section's word is the report's severity;
// the report's frontmatter `severity`, when given, must equal it, and so must incident.md's.
// Only when that word is a valid severity, at the line of the Severity heading.
import type { FindingDetail } from '../findings.ts';
import { isSeverity, severitySection } from './reportSeverity.ts';
import { defineRule } from './rule.ts';

export const reportSeverityMismatch = defineRule({
  id: 'report-severity-mismatch',
  family: 'validity',
  severity: 'warning',
  summary: 'report severity differs from severity in incident.md',
  docs: "The severity word of the report's Severity section differs from `severity` in report.md's frontmatter or in incident.md. Make them agree.",
  run(incident, context) {
    const found = severitySection(incident, context);
    if (!found || !isSeverity(found.word)) return [];
    const { report, section, word } = found;
    const severity = word.toLowerCase();
    const at = { file: report.file, line: section.heading.line };
    const findings: FindingDetail[] = [];
    const declared = report.frontmatter.severity;
    if (declared !== undefined && declared !== severity) {
      findings.push({
        ...at,
        message: `The report's frontmatter says severity "${declared}" but its "${section.heading.text}" section says "${severity}": make them the same`,
      });
    }
    if (incident.severity !== undefined && incident.severity !== severity) {
      findings.push({
        ...at,
        message: `The report's severity is "${severity}" ("${section.heading.text}" section) but incident.md says "${incident.severity}": correct whichever is out of date`,
      });
    }
    return findings;
  },
});
