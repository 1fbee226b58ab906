// report-timeline: the Timeline section has no time of day, H:MM or HH:MM (rules.md). Only for
// a section that exists and has content; times in its sub-headings (`### 09:05`) count.
import { reportSections, sectionWithRole } from '../report/sections.ts';
import { hasTimeOfDay } from '../report/sectionText.ts';
import type { Rule } from './rule.ts';

export const reportTimeline: Rule = (incident, context) => {
  const report = incident.report;
  if (!report) return [];
  const section = sectionWithRole(reportSections(report, context.config.requiredHeadings), 'timeline');
  if (!section || section.empty) return [];
  if (hasTimeOfDay(section.content) || section.subheadings.some((h) => hasTimeOfDay(h.text))) return [];
  return [
    {
      rule: 'report-timeline',
      file: report.file,
      line: section.heading.line,
      message: `Section "${section.heading.text}" gives no time of day: say when each event happened as HH:MM (e.g. "09:05 first reply to the client")`,
    },
  ];
};
