// Splits a Markdown file into YAML frontmatter and body with gray-matter, handing it our own
// YAML engine (parse/yaml.ts) so that values keep their source lines. Only YAML is accepted:
// any other frontmatter language (`---js`, `---coffee`) is refused before gray-matter sees the
// file, since its default engines would run the code.
import matter from 'gray-matter';
import { lineAt, lineFinder, parseYaml, type ParsedYaml, type YamlFailure, type YamlPath } from './yaml.ts';

export interface Frontmatter {
  ok: true;
  /** The frontmatter's fields; empty when the file has none. */
  data: Record<string, unknown>;
  hasFrontmatter: boolean;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** 1-based line in the file of the key (or list item) at a path. */
  lineOf(path: YamlPath): number | undefined;
  /** 1-based lines of every top-level key, computed in one pass. */
  keyLines(): Record<string, number>;
}

export interface FrontmatterProblem {
  ok: false;
  message: string;
  line?: number;
  /** The body, when the frontmatter is closed but its YAML is wrong: the rest is still readable. */
  body?: { text: string; line: number };
}

const BOM = '\uFEFF';

export function parseFrontmatter(input: string): Frontmatter | FrontmatterProblem {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  // gray-matter: `---` opens unless a fourth `-` follows; the rest of that line names the language.
  if (!text.startsWith('---') || text[3] === '-') {
    return { ok: true, data: {}, hasFrontmatter: false, body: text, bodyLine: 1, lineOf: () => undefined, keyLines: () => ({}) };
  }
  const firstLineEnd = text.indexOf('\n');
  const language = text.slice(3, firstLineEnd === -1 ? undefined : firstLineEnd).trim();
  if (language !== '' && language.toLowerCase() !== 'yaml') {
    return {
      ok: false,
      line: 1,
      message: `frontmatter is marked as "${language}": commlog reads YAML frontmatter only (and never runs it); start the file with a plain --- line`,
    };
  }
  // gray-matter ends the frontmatter at the first line starting with `---`; without one it
  // would read the whole file as frontmatter.
  if (firstLineEnd === -1 || text.indexOf('\n---', firstLineEnd) === -1) {
    return { ok: false, line: 1, message: 'the frontmatter is never closed: add a line --- after the last field' };
  }
  let yaml: ParsedYaml | YamlFailure = parseYaml('');
  const file = matter(text, {
    engines: {
      yaml: (block: string) => {
        yaml = parseYaml(block);
        return {};
      },
    },
  });
  // The block starts with the newline that ends line 1, so a 1-based line is lineAt(block, offset).
  const yamlText = file.matter;
  const body = file.content;
  const bodyLine = lineAt(text, text.length - body.length);
  if (!yaml.ok) {
    const line = yaml.offset === undefined ? undefined : lineAt(yamlText, yaml.offset);
    return { ok: false, line, message: `the frontmatter is not valid YAML (${yaml.reason}): look for an unclosed quote or bracket, or a badly indented line, at or just before this line`, body: { text: body, line: bodyLine } };
  }
  const parsed: ParsedYaml = yaml;
  const lineOfOffset = lineFinder(yamlText);
  if (parsed.value !== null && (typeof parsed.value !== 'object' || Array.isArray(parsed.value))) {
    return { ok: false, line: 2, message: 'the frontmatter must be YAML fields (key: value), not a single value or a list', body: { text: body, line: bodyLine } };
  }
  return {
    ok: true,
    data: (parsed.value ?? {}) as Record<string, unknown>,
    hasFrontmatter: true,
    body,
    bodyLine,
    lineOf: (path) => {
      const offset = parsed.offsetOf(path);
      return offset === undefined ? undefined : lineOfOffset(offset);
    },
    keyLines: () => {
      const lines: Record<string, number> = {};
      // Keys come in document order, so one forward scan counts the lines.
      let line = 1;
      let nextNewline = yamlText.indexOf('\n');
      for (const [key, offset] of parsed.topLevelKeyOffsets()) {
        while (nextNewline !== -1 && nextNewline < offset) {
          line++;
          nextNewline = yamlText.indexOf('\n', nextNewline + 1);
        }
        lines[key] = line;
      }
      return lines;
    },
  };
}
