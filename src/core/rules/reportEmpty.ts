// report-empty: a required section has no real content (rules.md), at the line of its heading.
import type { SectionRole } from '../report/headingMatch.ts';
import { reportSections } from '../report/sections.ts';
import { sectionWords } from '../report/sectionText.ts';
import { defineRule } from './rule.ts';

/** What to write in each kind of section. */
const WHAT_TO_WRITE: Record<SectionRole, string> = {
  date: 'give the date the incident happened (e.g. 2026-11-02)',
  reporter: 'name who reported the incident, and for whom',
  severity: 'start it with critical, high, medium or low, then say why',
  timeline: 'list what happened and when, with times of day (HH:MM)',
  exposure: 'describe who was affected and how',
  rootCause: 'describe what is thought to have caused it (or that it is unknown, and what is being done to find out)',
  resolution: 'describe how the issue was resolved',
  mitigation: 'list the steps that will prevent it happening again (e.g. "- [ ] add an alert for …")',
};
const OTHERWISE = 'write it, or "N/A" with the reason it does not apply';

export const reportEmpty = defineRule({
  id: 'report-empty',
  family: 'validity',
  severity: 'error',
  summary: 'a required section has no real content',
  docs: 'A required section has no real content: after removing HTML comments, `<…>` fill-ins, list markers, task boxes and emphasis, no word is left, or every word is `TBD`, `TODO`, `FIXME` or `…`. `N/A` is content. Write the section, or `N/A` with the reason it does not apply.',
  run(incident, context) {
    const report = incident.report;
    if (!report) return [];
    return reportSections(report, context.config.requiredHeadings).flatMap((section) => {
      if (!section) return [];
      if (!section.empty) return [];
      const found = [...new Set(sectionWords(section.content).placeholders)].map((p) => `"${p}"`);
      const what = found.length ? `has no content (only ${found.join(', ')})` : 'is empty';
      const todo = section.role ? WHAT_TO_WRITE[section.role] : OTHERWISE;
      return [
        {
          file: report.file,
          line: section.heading.line,
          message: `Section "${section.heading.text}" ${what}: ${todo}`,
        },
      ];
    });
  },
});
