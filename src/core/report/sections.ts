// The required sections of a report under the config's required headings (rules.md): the first
// heading that matches a required heading opens its section, which runs to the next heading of
// the same or a higher level.
import type { RequiredHeading } from '../config/config.ts';
import { headingMatchers, type SectionRole } from './headingMatch.ts';
import type { ReportDocument, ReportHeading, ReportTask } from './reportDocument.ts';
import { hasContent } from './sectionText.ts';

export interface ReportSection {
  required: RequiredHeading;
  role: SectionRole | undefined;
  heading: ReportHeading;
  /** Last line of the section in the file. */
  endLine: number;
  /** Headings inside the section. */
  subheadings: ReportHeading[];
  /** The section's Markdown without its heading and its sub-headings' lines. */
  content: string;
  /** No real content (rules.md, report-empty): only placeholders, fill-ins, comments or markup. */
  empty: boolean;
}

/** For each required heading, in order: its section, or undefined when the report lacks it. */
export type ReportSections = (ReportSection | undefined)[];

const cache = new WeakMap<ReportDocument, { required: readonly RequiredHeading[]; sections: ReportSections }>();

export function reportSections(report: ReportDocument, required: readonly RequiredHeading[]): ReportSections {
  const cached = cache.get(report);
  if (cached?.required === required) return cached.sections;
  const sections = findSections(report, required);
  cache.set(report, { required, sections });
  return sections;
}

function findSections(report: ReportDocument, required: readonly RequiredHeading[]): ReportSections {
  const { headings } = report;
  let lines: string[] | undefined;
  return headingMatchers(required).map(({ required: req, keys, role }) => {
    const index = headings.findIndex((h) => keys.has(h.key));
    if (index === -1) return undefined;
    const heading = headings[index];
    let end = index + 1;
    while (end < headings.length && headings[end].level > heading.level) end++;
    lines ??= report.body.split(/\r\n|\r|\n/);
    const endLine = end < headings.length ? headings[end].line - 1 : report.bodyLine + lines.length - 1;
    const subheadings = headings.slice(index + 1, end);
    const content = sectionContent(lines, report.bodyLine, heading, endLine, subheadings);
    return { required: req, role, heading, endLine, subheadings, content, empty: !hasContent(content) };
  });
}

function sectionContent(bodyLines: string[], bodyLine: number, heading: ReportHeading, endLine: number, subheadings: ReportHeading[]): string {
  const kept: string[] = [];
  let sub = 0;
  for (let line = heading.endLine + 1; line <= endLine; line++) {
    while (sub < subheadings.length && subheadings[sub].endLine < line) sub++;
    if (sub < subheadings.length && subheadings[sub].line <= line) continue;
    kept.push(bodyLines[line - bodyLine]);
  }
  return kept.join('\n');
}

/** The section of the required heading that plays a role (severity, timeline, ...), when required and present. */
export function sectionWithRole(sections: ReportSections, role: SectionRole): ReportSection | undefined {
  return sections.find((s) => s?.role === role);
}

/** Prevention actions: the task-list items of the Mitigation section. */
export function preventionActions(report: ReportDocument, sections: ReportSections): ReportTask[] {
  const section = sectionWithRole(sections, 'mitigation');
  if (!section) return [];
  return report.tasks.filter((t) => t.line > section.heading.endLine && t.line <= section.endLine);
}
