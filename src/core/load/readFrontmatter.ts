import type { RuleFinding } from '../findings.ts';
import { isUnreadable, type InputFile } from '../model.ts';
import { parseFrontmatter, type Frontmatter } from '../parse/frontmatter.ts';

/** A file's frontmatter, or undefined after reporting why it cannot be read. */
export function readFrontmatter(file: InputFile, findings: RuleFinding[], { required }: { required: boolean }): Frontmatter | undefined {
  if (isUnreadable(file)) {
    findings.push({ rule: 'schema', file: file.path, message: file.problem });
    return undefined;
  }
  const fm = parseFrontmatter(file.text);
  if (!fm.ok) {
    findings.push({ rule: 'schema', file: file.path, line: fm.line, message: `Cannot read the frontmatter: ${fm.message}` });
    return undefined;
  }
  if (required && !fm.hasFrontmatter) {
    findings.push({ rule: 'schema', file: file.path, line: 1, message: 'No frontmatter: the file must start with a line ---, then the YAML fields, then a line ---' });
    return undefined;
  }
  return fm;
}
