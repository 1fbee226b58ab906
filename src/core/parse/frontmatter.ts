// Splits a Markdown file into YAML frontmatter and body exactly as gray-matter does (same
// delimiters, same body; a differential test holds them together), without its cost: gray-matter
// copies every file into a Buffer and rebuilds its options per call, which made it a third of
// the checker's time on 200,000 files. The YAML is parsed by parse/yaml.ts, so values keep
// their source lines. Only YAML is accepted: any other frontmatter language (`---js`) is
// refused before anything could run.
import { lineAt, parseYaml, type YamlPath } from './yaml.ts';

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
  // The frontmatter ends at the first line starting with `---`.
  const yamlStart = firstLineEnd + 1;
  const close = firstLineEnd === -1 ? -1 : text.indexOf('\n---', firstLineEnd);
  if (close === -1) {
    return { ok: false, line: 1, message: 'the frontmatter is never closed: add a line --- after the last field' };
  }
  const yamlText = close < yamlStart ? '' : text.slice(yamlStart, close + 1);
  let body = text.slice(close + 4);
  if (body[0] === '\r') body = body.slice(1);
  if (body[0] === '\n') body = body.slice(1);
  const bodyLine = lineAt(text, text.length - body.length);
  const yaml = parseYaml(yamlText);
  if (!yaml.ok) {
    const line = yaml.offset === undefined ? undefined : 1 + lineAt(yamlText, yaml.offset);
    return { ok: false, line, message: `the frontmatter is not valid YAML (${yaml.reason}): look for an unclosed quote or bracket, or a badly indented line, at or just before this line`, body: { text: body, line: bodyLine } };
  }
  if (yaml.value !== null && (typeof yaml.value !== 'object' || Array.isArray(yaml.value))) {
    return { ok: false, line: 2, message: 'the frontmatter must be YAML fields (key: value), not a single value or a list', body: { text: body, line: bodyLine } };
  }
  return {
    ok: true,
    data: (yaml.value ?? {}) as Record<string, unknown>,
    hasFrontmatter: true,
    body,
    bodyLine,
    lineOf: (path) => {
      const offset = yaml.offsetOf(path);
      return offset === undefined ? undefined : 1 + lineAt(yamlText, offset);
    },
    keyLines: () => {
      const lines: Record<string, number> = {};
      // Keys come in document order, so one forward scan counts the lines.
      let line = 2;
      let nextNewline = yamlText.indexOf('\n');
      for (const [key, offset] of yaml.topLevelKeyOffsets()) {
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
