// report.md: optional YAML frontmatter (validated like the other files), then the Markdown
// body, whose structure the report module reads.
import type { RuleFinding } from '../findings.ts';
import { isUnreadable, type InputFile } from '../model.ts';
import { parseFrontmatter } from '../parse/frontmatter.ts';
import { parseReport, type ReportDocument } from '../report/reportDocument.ts';
import { reportFrontmatter, type ReportFrontmatter } from '../schema/report.ts';
import { zodFindings } from './schemaFindings.ts';

export function loadReport(file: InputFile, findings: RuleFinding[]): ReportDocument | undefined {
  if (isUnreadable(file)) {
    findings.push({ rule: 'schema', file: file.path, message: file.problem });
    return undefined;
  }
  const fm = parseFrontmatter(file.text);
  if (!fm.ok) {
    findings.push({ rule: 'schema', file: file.path, line: fm.line, message: `Cannot read the frontmatter: ${fm.message}` });
    return undefined;
  }
  let frontmatter: ReportFrontmatter = {};
  const parsed = reportFrontmatter.safeParse(fm.data);
  if (parsed.success) frontmatter = parsed.data;
  else findings.push(...zodFindings(file.path, fm, parsed.error.issues));
  return parseReport({ file: file.path, body: fm.body, bodyLine: fm.bodyLine, frontmatter });
}
