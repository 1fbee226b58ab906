// report.md: optional YAML frontmatter (validated like the other files), then the Markdown
// body, whose structure the report module reads.
import type { RuleFinding } from '../findings.ts';
import type { InputFile } from '../model.ts';
import { readFrontmatterOrBody } from './readFrontmatter.ts';
import { parseReport, type ReportDocument } from '../report/reportDocument.ts';
import { REPORT_FIELDS, reportFrontmatter, type ReportFrontmatter } from '../schema/report.ts';
import { unknownKeyFindings, zodFindings } from './schemaFindings.ts';

export function loadReport(file: InputFile, findings: RuleFinding[]): ReportDocument | undefined {
  const fm = readFrontmatterOrBody(file, findings, { required: false });
  if (!fm) return undefined;
  if (!fm.ok) return parseReport({ file: file.path, body: fm.body, bodyLine: fm.bodyLine, frontmatter: {} });
  // A misspelt key warns, as in incident.md and the log entries.
  findings.push(...unknownKeyFindings(file.path, fm, fm.data, REPORT_FIELDS));
  let frontmatter: ReportFrontmatter = {};
  const parsed = reportFrontmatter.safeParse(fm.data);
  if (parsed.success) frontmatter = parsed.data;
  else findings.push(...zodFindings(file.path, fm, parsed.error.issues));
  return parseReport({ file: file.path, body: fm.body, bodyLine: fm.bodyLine, frontmatter });
}
