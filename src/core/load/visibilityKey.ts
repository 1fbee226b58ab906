// A mistyped `visibility` must fail closed: `visiblity: internal`, `Visibility: internal` or a
// YAML merge key (`<<:`, which this reader does not apply) meant to make a file internal would
// otherwise be an unknown-field warning, and the file would be published. A top-level key that
// reads like `visibility` without being it is a `schema` error, and the file is not loaded (so
// neither checked further nor published) until it is fixed.
import type { RuleFinding } from '../findings.ts';
import type { Frontmatter } from '../parse/frontmatter.ts';
import { closest, lineOfPath } from './schemaFindings.ts';

const VISIBILITY = 'visibility';
const MERGE_KEY = '<<';

/**
 * Every key of every file is asked, and the same few keys come back in file after file: each
 * one's answer is kept (up to a bound, against files made of random keys).
 */
const answers = new Map<string, boolean>();
const MAX_ANSWERS = 1000;

function readsLikeVisibility(key: string): boolean {
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = key !== VISIBILITY && closest(key.trim(), [VISIBILITY]) === VISIBILITY;
    if (answers.size < MAX_ANSWERS) answers.set(key, answer);
  }
  return answer;
}

function mergedMappings(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v));
}

/** The top-level keys of a frontmatter that stand for `visibility` without being it. */
export function visibilityLikeKeys(data: unknown): string[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(data).flatMap(([key, value]) => {
    if (readsLikeVisibility(key)) return [key];
    if (key === MERGE_KEY && mergedMappings(value).some((m) => Object.keys(m).some((k) => k === VISIBILITY || readsLikeVisibility(k)))) return [key];
    return [];
  });
}

/** A `schema` error for each such key. */
export function visibilityKeyFindings(file: string, fm: Frontmatter, keys: readonly string[]): RuleFinding[] {
  return keys.map((key) => ({
    rule: 'schema',
    file,
    line: lineOfPath(fm, [key]),
    message:
      key === MERGE_KEY
        ? `A YAML merge key ("<<") sets "visibility", but merge keys are not read: write visibility: internal (or public) in the file itself; the file is not published until then`
        : `Field "${key}" reads like "visibility" but is not it: write visibility: internal (or public); the file is not published until then`,
  }));
}
