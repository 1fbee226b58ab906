// report-timeline: the Timeline section has no time of day, H:MM or HH:MM (rules.md). Only for
// a section that exists and has content; times in its sub-headings (`### 09:05`) count.
import { reportSections, sectionWithRole } from '../report/sections.ts';
import { hasTimeOfDay } from '../report/sectionText.ts';
import { defineRule } from './rule.ts';

export const reportTimeline = defineRule({
  id: 'report-timeline',
  family: 'validity',
  severity: 'warning',
  summary: 'the Timeline section has no time of day (HH:MM) in it',
  docs: "The report's Timeline section gives no time of day (`H:MM` or `HH:MM`). Say when each event happened.",
  run(incident, context) {
    const report = incident.report;
    if (!report) return [];
    const section = sectionWithRole(reportSections(report, context.config.requiredHeadings), 'timeline');
    if (!section || section.empty) return [];
    if (hasTimeOfDay(section.content) || section.subheadings.some((h) => hasTimeOfDay(h.text))) return [];
    return [
      {
        file: report.file,
        line: section.heading.line,
        message: `Section "${section.heading.text}" gives no time of day: say when each event happened as HH:MM (e.g. "09:05 first reply to the client")`,
      },
    ];
  },
});
