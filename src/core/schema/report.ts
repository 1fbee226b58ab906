import { z } from 'zod';
import { severity, stringList } from './values.ts';

/** report.md's optional frontmatter. */
export const reportFrontmatter = z.looseObject({
  severity: severity.optional(),
  root_cause_category: z.string().optional(),
  tags: stringList.optional(),
});

export type ReportFrontmatter = z.output<typeof reportFrontmatter>;
export const REPORT_FIELDS = Object.keys(reportFrontmatter.shape);
