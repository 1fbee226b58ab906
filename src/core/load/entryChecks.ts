// The checks of a log entry's frontmatter that need no other file: its schema, and what its
// fields say taken together. `commlog check` reports them with their lines (loadIncident.ts);
// the site's log form shows them by field, next to its inputs, as the user types.
import type { z } from 'zod';
import type { Config } from '../config/config.ts';
import { formatLocalPair } from '../present/instant.ts';
import { entryFrontmatter, type EntryFrontmatter } from '../schema/entry.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import type { LoadContext } from './loadIncident.ts';
import { pathLabel, zodIssueText } from './schemaFindings.ts';

/** A problem of an entry's fields taken together, or of a value its schema cannot judge alone. */
export interface EntryFieldProblem {
  /** The field it is about. */
  path: (string | number)[];
  message: string;
  severity?: 'warning';
  /** The key whose line it points at when not the field's own (a missing field has none). */
  lineKey?: string;
  /** The entry cannot be read with it: it is left out of the incident. */
  rejects?: boolean;
}

/**
 * The checks of an entry beyond its schema, on the fields that are valid on their own
 * (`contactWritten`: a `contact` is written, valid or not). `commlog check` reports them with
 * their lines; the site's log form shows them next to its inputs.
 */
export function entryFieldProblems(p: Partial<EntryFrontmatter>, contactWritten: boolean, zone: string, context: Pick<LoadContext, 'config' | 'now'>): EntryFieldProblem[] {
  const out: EntryFieldProblem[] = [];
  const at = p.at === undefined ? undefined : parseTimestamp(p.at, zone);
  if (p.direction !== undefined && p.direction !== 'internal' && p.contact === undefined && !contactWritten) {
    out.push({ path: ['contact'], lineKey: 'direction', rejects: true, message: `Missing field "contact": an ${p.direction} entry names who we dealt with, e.g. contact: { name: Ana Silva, email: ana@client.example }` });
  }
  const nextUpdateBy = p.next_update_by === undefined ? undefined : parseTimestamp(p.next_update_by, zone);
  if (nextUpdateBy !== undefined && at !== undefined && nextUpdateBy < at) {
    const [promised, sent] = formatLocalPair(nextUpdateBy, at, zone);
    out.push({ path: ['next_update_by'], rejects: true, message: `Field "next_update_by" (${promised}) is before "at" (${sent}): the next update must be promised for later` });
  }
  if (at !== undefined && at > context.now) {
    out.push({ path: ['at'], severity: 'warning', message: `Field "at" (${formatLocalPair(at, context.now, zone)[0]}) is in the future: check the date and time` });
  }
  const category = categoryProblem(p.category, context.config);
  if (category) out.push({ path: ['category'], message: category });
  if (p.awaiting !== undefined && p.direction !== undefined && p.direction !== 'outbound') {
    out.push({ path: ['awaiting'], message: `Field "awaiting" is set on an ${p.direction} entry: only an outbound entry can say we await the client; remove it` });
  }
  for (const [i, address] of (p.cc ?? []).entries()) {
    if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>\s*$/.test(address.trim())) {
      out.push({ path: ['cc', i], message: `Field "cc[${i}]" ("${address}") is not an e-mail address: write address@example.com or Name <address@example.com>` });
    }
  }
  return out;
}

export function categoryProblem(category: string | undefined, config: Config): string | undefined {
  if (category === undefined || config.categories.length === 0 || config.categories.includes(category)) return undefined;
  return `Field "category" ("${category}") is not a category of commlog.config.yaml: use one of ${config.categories.join(', ')}`;
}

/**
 * The fields of a frontmatter that are valid on their own: when another field is broken, the
 * checks across fields still run on these, so one problem never hides another.
 */
export function validFields<T extends z.ZodObject>(schema: T, data: Record<string, unknown>): Partial<z.output<T>> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const result = (field as z.ZodType).safeParse(data[key]);
    if (result.success && result.data !== undefined) out[key] = result.data;
  }
  return out as Partial<z.output<T>>;
}

export interface FieldProblem {
  path: (string | number)[];
  message: string;
  severity: 'error' | 'warning';
}

/**
 * The schema findings `commlog check` gives an entry whose frontmatter is `data`, by field and
 * in the same words; one per field, the first (as zodFindings).
 */
export function entryProblems(data: Record<string, unknown>, zone: string, context: Pick<LoadContext, 'config' | 'now'>): FieldProblem[] {
  const parsed = entryFrontmatter.safeParse(data);
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const label = pathLabel(issue.path);
    if (seen.has(label)) continue;
    seen.add(label);
    out.push({ path: issue.path as (string | number)[], message: zodIssueText(issue, data), severity: 'error' });
  }
  const valid = parsed.success ? parsed.data : validFields(entryFrontmatter, data);
  for (const p of entryFieldProblems(valid, data.contact !== undefined, zone, context)) out.push({ path: p.path, message: p.message, severity: p.severity ?? 'error' });
  return out;
}
