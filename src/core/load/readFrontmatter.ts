import type { RuleFinding } from '../findings.ts';
import { isUnreadable, type InputFile } from '../model.ts';
import { parseFrontmatter, type Frontmatter } from '../parse/frontmatter.ts';
import { markdownLimitProblem } from '../render/limits.ts';

/** A file's frontmatter, or undefined after reporting why it cannot be read. */
export function readFrontmatter(file: InputFile, findings: RuleFinding[], { required }: { required: boolean }): Frontmatter | undefined {
  const result = readFrontmatterOrBody(file, findings, { required });
  return result?.ok ? result : undefined;
}

/**
 * Like readFrontmatter, but when only the YAML is wrong, still gives the body: a report whose
 * frontmatter is broken is still a report, and its headings are still checked.
 */
export function readFrontmatterOrBody(
  file: InputFile,
  findings: RuleFinding[],
  { required }: { required: boolean },
): Frontmatter | { ok: false; body: string; bodyLine: number } | undefined {
  if (isUnreadable(file)) {
    findings.push({ rule: 'schema', file: file.path, message: file.problem });
    return undefined;
  }
  const fm = parseFrontmatter(file.text);
  if (!fm.ok) {
    findings.push({ rule: 'schema', file: file.path, line: fm.line, message: `Cannot read the frontmatter: ${fm.message}` });
    if (!fm.body) return undefined;
    checkMarkdownLimits(file.path, fm.body.text, fm.body.line, findings);
    return { ok: false, body: fm.body.text, bodyLine: fm.body.line };
  }
  checkMarkdownLimits(file.path, fm.body, fm.bodyLine, findings);
  if (required && !fm.hasFrontmatter) {
    findings.push({ rule: 'schema', file: file.path, line: 1, message: 'No frontmatter: the file must start with a line ---, then the YAML fields, then a line ---' });
    return undefined;
  }
  return fm;
}

/** A body too large or too deeply nested to render: the site shows a placeholder instead. */
function checkMarkdownLimits(path: string, body: string, bodyLine: number, findings: RuleFinding[]): void {
  const problem = markdownLimitProblem(body);
  if (problem) findings.push({ rule: 'schema', file: path, line: bodyLine + problem.line - 1, message: `The Markdown text ${problem.message}; until then the site shows a placeholder instead of it` });
}
