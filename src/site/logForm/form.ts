// The "Log a contact" form's values -> the log entry `commlog new entry` would write, in the
// browser: the same frontmatter checks as `commlog check` (by field, in its words), the same
// policy defaults (the project manager copied, next_update_by proposed), the same serializer.
import { applyPolicyDefaults, entryBaseName, entryFileText, type CommitmentDraft, type EntryDraft } from '../../core/compose/entry.ts';
import { parsePerson, personField } from '../../core/compose/person.ts';
import { slugify } from '../../core/compose/slug.ts';
import { timestampText } from '../../core/compose/timestampText.ts';
import { entryProblems, type FieldProblem } from '../../core/load/entryChecks.ts';
import type { Person } from '../../core/schema/values.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { contextConfig, contextIncident, type LogFormContext } from './context.ts';

export interface CommitmentRow {
  action: string;
  owner: string;
  due: string;
}

/** What the person typed, as text (times as `datetime-local` gives them). */
export interface LogFormValues {
  incident: string;
  at: string;
  direction: string;
  channel: string;
  /** Empty: the default of the direction. */
  kind: string;
  /** People separated by `;` or new lines: `Ana Silva <ana@client.example>; Bo`. */
  contact: string;
  author: string;
  summary: string;
  body: string;
  commitments: CommitmentRow[];
  done: string[];
  nextUpdateBy: string;
  /** Addresses separated by `,`, `;` or new lines. */
  cc: string;
  awaiting: boolean;
  verbatim: string;
  /** `1`..`5`, or empty. */
  rating: string;
  comment: string;
}

export interface LogFormResult {
  problems: FieldProblem[];
  /** Present when no problem is an error. */
  file?: { path: string; text: string };
}

const trimmed = (text: string) => (text.trim() === '' ? undefined : text.trim());
const list = (text: string, separators: RegExp) => text.split(separators).map((s) => s.trim()).filter((s) => s !== '');

export function contactsOf(values: Pick<LogFormValues, 'contact' | 'direction'>): Person[] {
  return values.direction === 'internal' ? [] : list(values.contact, /[;\n]/).map(parsePerson);
}

/**
 * An id for each commitment row, from its action: unique within the incident and the form.
 * An action without a Latin letter or digit gets `commitment-N`.
 */
export function commitmentIds(rows: readonly CommitmentRow[], taken: readonly string[]): string[] {
  const used = new Set(taken);
  return rows.map((row, i) => {
    const base = slugify(row.action).split('-').slice(0, 5).join('-') || `commitment-${i + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/** The frontmatter the values make, times still as typed: what the checks read. */
export function frontmatterOf(values: LogFormValues, ctx: LogFormContext): Record<string, unknown> {
  const contacts = contactsOf(values).map(personField);
  const ids = commitmentIds(values.commitments, ctx.commitmentIds);
  const rating = trimmed(values.rating);
  const comment = trimmed(values.comment);
  const fields: Record<string, unknown> = {
    at: trimmed(values.at),
    direction: trimmed(values.direction),
    channel: trimmed(values.channel),
    contact: contacts.length === 0 ? undefined : contacts.length === 1 ? contacts[0] : contacts,
    cc: list(values.cc, /[,;\n]/),
    author: trimmed(values.author),
    kind: trimmed(values.kind),
    summary: trimmed(values.summary),
    next_update_by: trimmed(values.nextUpdateBy),
    awaiting: values.awaiting ? 'client' : undefined,
    commitments: values.commitments.map((c, i) => ({ id: ids[i], action: trimmed(c.action), owner: trimmed(c.owner), due: trimmed(c.due) })),
    done: values.done,
    feedback: rating === undefined && comment === undefined ? undefined : { rating: rating === undefined ? undefined : Number(rating), comment },
    verbatim: trimmed(values.verbatim),
  };
  return withoutEmpty(fields);
}

/** Absent values and empty lists left out, as the file leaves them out. */
function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

/**
 * The `next_update_by` `commlog new entry` proposes for these values (the same core call), as
 * the form shows it; undefined when none is owed or `at` is not a time yet.
 */
export function proposedNextUpdate(values: LogFormValues, ctx: LogFormContext): string | undefined {
  const at = timeOf(values.at, ctx.zone);
  if (at === undefined) return undefined;
  const direction = values.direction as EntryDraft['direction'];
  const partial: EntryDraft = { at, direction, channel: values.channel as EntryDraft['channel'], kind: (trimmed(values.kind) as EntryDraft['kind']) ?? undefined, awaiting: values.awaiting ? 'client' : undefined, contacts: [], author: '', summary: '' };
  const proposed = applyPolicyDefaults(partial, contextIncident(ctx), contextConfig(ctx)).draft.nextUpdateBy;
  return proposed === undefined ? undefined : timestampText(proposed, ctx.zone);
}

/** `<base>.md`, else `<base>-2.md` … as `commlog new entry` numbers a taken name. */
function freeName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  let n = 1;
  while (names.has(`${base}${n === 1 ? '' : `-${n}`}.md`)) n++;
  return `${base}${n === 1 ? '' : `-${n}`}.md`;
}

function timeOf(text: string, zone: string): number | undefined {
  const t = trimmed(text);
  if (t === undefined) return undefined;
  const instant = parseTimestamp(t, zone);
  return Number.isFinite(instant) ? instant : undefined;
}

/** The problems of the values, and the file when there is no error. */
export function logFormResult(values: LogFormValues, ctx: LogFormContext, now: number): LogFormResult {
  const fields = frontmatterOf(values, ctx);
  const config = contextConfig(ctx);
  const problems = entryProblems(fields, ctx.zone, { config, now });
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const zone = ctx.zone;
  const time = (text: string | undefined) => (text === undefined ? undefined : parseTimestamp(text, zone));
  const ids = commitmentIds(values.commitments, ctx.commitmentIds);
  const commitments: CommitmentDraft[] = values.commitments.map((c, i) => ({ id: ids[i], action: c.action.trim(), owner: trimmed(c.owner), due: time(trimmed(c.due)) }));
  const f = fields as { feedback?: EntryDraft['feedback']; cc?: string[]; done?: string[] };
  const draft: EntryDraft = {
    at: time(fields.at as string)!,
    direction: fields.direction as EntryDraft['direction'],
    channel: fields.channel as EntryDraft['channel'],
    contacts: contactsOf(values),
    author: fields.author as string,
    summary: fields.summary as string,
    kind: fields.kind as EntryDraft['kind'],
    cc: f.cc,
    nextUpdateBy: time(fields.next_update_by as string | undefined),
    commitments,
    done: f.done,
    feedback: f.feedback,
    verbatim: fields.verbatim as string | undefined,
    awaiting: fields.awaiting as EntryDraft['awaiting'],
    body: values.body,
  };
  const complete = applyPolicyDefaults(draft, contextIncident(ctx), config).draft;
  const name = freeName(entryBaseName(complete, zone), ctx.entries.map((e) => e.name));
  return { problems, file: { path: `incidents/${ctx.id}/log/${name}`, text: entryFileText(complete, zone) } };
}
