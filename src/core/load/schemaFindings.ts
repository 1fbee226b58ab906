// Turns zod issues and unknown keys into `schema` findings that name the field and its line.
import type { z } from 'zod';
import type { RuleFinding } from '../findings.ts';
import type { Frontmatter } from '../parse/frontmatter.ts';

/** What a missing required field is for, so the message can say what to add. */
const FIELD_PURPOSE: Record<string, string> = {
  title: 'one line saying what happened',
  client: 'the client organisation',
  opened_at: "when the client's report reached us, e.g. 2026-11-02T09:05",
  reporter: 'the person who reported it, e.g. { name: Ana Silva, org: Acme }',
  priority: 'urgent, high, medium or low',
  status: 'open, resolved or closed',
  pm: 'the project manager, with an email: { name: …, email: … }',
  at: 'when the contact happened, e.g. 2026-11-02T09:05',
  direction: 'inbound, outbound or internal',
  channel: 'email, phone, sms, chat, meeting, screenshare, ticket, status-page, social or other',
  author: 'the staff member who logged it',
  summary: 'one line saying what was said or done',
  id: 'a short id such as send-logs',
  action: 'what will be done',
  name: 'the person’s name',
};

/** zod's own messages without their generic prefix: "expected boolean, received string". */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return issue.message.replace(/^Invalid input: /, '');
}

export function pathLabel(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** The line of a path, else of its nearest parent that has one. */
export function lineOfPath(fm: Frontmatter, path: readonly PropertyKey[]): number {
  for (let n = path.length; n > 0; n--) {
    const line = fm.lineOf(path.slice(0, n) as (string | number)[]);
    if (line !== undefined) return line;
  }
  return 1;
}

/** What a finding says of a zod issue of `data`: the field is missing, or why its value is invalid. */
export function zodIssueText(issue: z.core.$ZodIssue, data: unknown): string {
  const label = pathLabel(issue.path);
  const last = issue.path[issue.path.length - 1];
  // Whatever zod's code (a person is a union: "invalid_union"), no value at all is a missing field.
  if (issue.path.length > 0 && valueAt(data, issue.path) === undefined) {
    const purpose = typeof last === 'string' ? FIELD_PURPOSE[last] : undefined;
    return `Missing field "${label}"${purpose ? `: add ${purpose}` : ''}`;
  }
  return `Field "${label}" is invalid: ${issueMessage(issue)}`;
}

export function zodFindings(file: string, fm: Frontmatter, issues: readonly z.core.$ZodIssue[]): RuleFinding[] {
  const seen = new Set<string>();
  const out: RuleFinding[] = [];
  for (const issue of issues) {
    const label = pathLabel(issue.path);
    if (seen.has(label)) continue; // one finding per field: the first problem is the one to fix
    seen.add(label);
    out.push({ rule: 'schema', file, line: lineOfPath(fm, issue.path), message: zodIssueText(issue, fm.data) });
  }
  // A list of 50,000 bad items is one mistake, not 50,000: the first few, then a count.
  if (out.length <= MAX_ZOD_FINDINGS) return out;
  const rest = out.length - MAX_ZOD_FINDINGS;
  return [...out.slice(0, MAX_ZOD_FINDINGS), { rule: 'schema', file, line: out[MAX_ZOD_FINDINGS].line, message: `${rest} more invalid fields in this file: fix the ones above, then check again` }];
}

/** Invalid fields of one file reported one by one. */
const MAX_ZOD_FINDINGS = 20;

/** Warnings for keys the schema does not know, with the closest known key as a hint. */
export function unknownKeyFindings(
  file: string,
  fm: Frontmatter,
  value: unknown,
  known: readonly string[],
  path: readonly (string | number)[] = [],
): RuleFinding[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: RuleFinding[] = [];
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, known);
    const label = pathLabel([...path, key]);
    out.push({
      rule: 'schema',
      severity: 'warning',
      file,
      line: lineOfPath(fm, [...path, key]),
      message: `Unknown field "${label}"${suggestion ? `: did you mean "${suggestion}"?` : `: known fields are ${known.join(', ')}`}`,
    });
  }
  return out;
}

/** The candidate nearest to a word by edit distance, when near enough to be a typo of it. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    // The distance is at least the difference in length: most keys are never near enough to
    // compute it (every key of every file is compared with "visibility").
    if (Math.abs(lower.length - c.length) >= bestDistance) continue;
    const d = editDistance(lower, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Damerau–Levenshtein (optimal string alignment): a swapped pair of letters is one typo. */
function editDistance(a: string, b: string): number {
  // Three rows of the table: the one being filled and the two before it (for a swap), as
  // integer arrays (about 40 % faster than arrays of numbers).
  let older = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1).map((_, j) => j);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, older[j - 2] + 1);
      row[j] = d;
    }
    [older, previous, row] = [previous, row, older];
  }
  return previous[b.length];
}
