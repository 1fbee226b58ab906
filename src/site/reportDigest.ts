// What list pages need from a report: the root cause (category and a plain-text opening) and
// the prevention actions (task-list items under the Mitigation section, rules.md), read from the
// core's parsed report and its sections under the config's required headings.
import type { RequiredHeading } from '../core/config/config.ts';
import type { ReportDocument } from '../core/report/reportDocument.ts';
import { reportSections } from '../core/report/sections.ts';
import { plainExcerpt } from './excerpt.ts';

export interface PreventionAction {
  text: string;
  done: boolean;
}

export interface ReportDigest {
  rootCauseCategory?: string;
  rootCause?: string;
  /** Plain-text opening of the exposure / impacts section. */
  impact?: string;
  actions: PreventionAction[];
}

export function reportDigest(report: ReportDocument, required: readonly RequiredHeading[], redact: (s: string) => string): ReportDigest {
  const sections = reportSections(report, required);
  const rootCause = sections.find((s) => s?.role === 'rootCause');
  const exposure = sections.find((s) => s?.role === 'exposure');
  const mitigation = sections.find((s) => s?.role === 'mitigation');
  const actions = mitigation
    ? report.tasks
        .filter((t) => t.line > mitigation.heading.endLine && t.line <= mitigation.endLine)
        .map((t) => ({ text: redact(plainExcerpt(t.text, 300)), done: t.done }))
    : [];
  const cause = rootCause ? plainExcerpt(rootCause.content) : '';
  const impact = exposure ? plainExcerpt(exposure.content) : '';
  return {
    rootCauseCategory: report.frontmatter.root_cause_category,
    rootCause: cause ? redact(cause) : undefined,
    impact: impact ? redact(impact) : undefined,
    actions,
  };
}
