// A Markdown file with YAML frontmatter, as the loader reads it: fields dumped by js-yaml in the
// order given (absent values left out, long lines never folded), then the body.
import { dump } from 'js-yaml';

export type Fields = Record<string, unknown>;

export function markdownFile(fields: Fields, body: string): string {
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
