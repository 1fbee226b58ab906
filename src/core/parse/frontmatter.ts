// Splits a Markdown file into YAML frontmatter and body with gray-matter, parsing the YAML
// ourselves (parse/yaml.ts) so values keep their source lines. Only YAML is accepted: any
// other frontmatter language (`---js`, `---coffee` …) is refused before anything runs.
import matter from 'gray-matter';
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
}

export interface FrontmatterProblem {
  ok: false;
  message: string;
  line?: number;
}

const OPENING = /^\uFEFF?---([^\r\n]*)\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

export function parseFrontmatter(text: string): Frontmatter | FrontmatterProblem {
  const opening = OPENING.exec(text);
  if (!opening) {
    return { ok: true, data: {}, hasFrontmatter: false, body: text, bodyLine: 1, lineOf: () => undefined };
  }
  const language = opening[1].trim();
  if (language !== '' && language.toLowerCase() !== 'yaml') {
    return {
      ok: false,
      line: 1,
      message: `frontmatter is marked as "${language}": commlog reads YAML frontmatter only (and never runs it); start the file with a plain --- line`,
    };
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return { ok: false, line: 1, message: 'the frontmatter is never closed: add a line --- after the last field' };
  }
  const yamlText = rest.slice(0, closing.index);
  const yaml = parseYaml(yamlText);
  if (!yaml.ok) {
    const line = yaml.offset === undefined ? undefined : 1 + lineAt(yamlText, yaml.offset);
    return { ok: false, line, message: `the frontmatter is not valid YAML: ${yaml.reason}` };
  }
  if (yaml.value !== null && (typeof yaml.value !== 'object' || Array.isArray(yaml.value))) {
    return { ok: false, line: 2, message: 'the frontmatter must be YAML fields (key: value), not a single value or a list' };
  }
  // gray-matter splits the body as every other Markdown tool does; its YAML engine is ours.
  const parsed = matter(text.replace(/^\uFEFF/, ''), { engines: { yaml: () => (yaml.value ?? {}) as object } });
  const bodyLine = 2 + lineAt(yamlText, yamlText.length);
  return {
    ok: true,
    data: (yaml.value ?? {}) as Record<string, unknown>,
    hasFrontmatter: true,
    body: parsed.content,
    bodyLine,
    lineOf: (path) => {
      const offset = yaml.offsetOf(path);
      return offset === undefined ? undefined : 1 + lineAt(yamlText, offset);
    },
  };
}
