// A Markdown file with YAML frontmatter, as the loader reads it: fields dumped by js-yaml in the
// order given (absent values left out, long lines never folded), then the body.
import { dump } from 'js-yaml';

export type Fields = Record<string, unknown>;

/**
 * A field's text longer than this is refused: the loader reads files up to 2 MiB, and js-yaml's
 * scalar checks overflow the stack on single lines of a few million characters.
 */
export const MAX_FIELD_TEXT = 1_000_000;

export function markdownFile(fields: Fields, body: string): string {
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.length > MAX_FIELD_TEXT) {
      throw new RangeError(`field "${key}" is ${value.length} characters long: a log file holds at most ${MAX_FIELD_TEXT} characters in one field; shorten it or put the text in the body`);
    }
  }
  const yaml = dump(withoutAbsent(fields), { lineWidth: -1, noRefs: true });
  const text = body.trim();
  return `---\n${yaml}---\n${text === '' ? '' : `\n${text}\n`}`;
}

function withoutAbsent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAbsent);
  if (value === null || typeof value !== 'object') return value;
  const out: Fields = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = withoutAbsent(v);
  }
  return out;
}
