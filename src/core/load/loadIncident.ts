// One incident folder -> a validated `Incident` plus its `schema` findings. Every file is
// checked on its own: a broken file is reported and skipped, never hiding the others.
import { zoneOf, type Config } from '../config/config.ts';
import type { RuleFinding } from '../findings.ts';
import type { Commitment, IncidentFiles, InputFile, Incident, LogEntry } from '../model.ts';
import type { Frontmatter } from '../parse/frontmatter.ts';
import { readFrontmatter } from './readFrontmatter.ts';
import { COMMITMENT_FIELDS, ENTRY_FIELDS, entryFrontmatter, FEEDBACK_FIELDS, type EntryFrontmatter } from '../schema/entry.ts';
import { INCIDENT_FIELDS, incidentFrontmatter, type IncidentFrontmatter } from '../schema/incident.ts';
import { INCIDENT_ID, PERSON_FIELDS, type Kind, type Person } from '../schema/values.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import { formatLocalPair } from '../present/instant.ts';
import { closest, lineOfPath, unknownKeyFindings, zodFindings } from './schemaFindings.ts';
import { loadReport } from './loadReport.ts';
import { visibilityKeyFindings, visibilityLikeKeys } from './visibilityKey.ts';
import { categoryProblem, entryFieldProblems, validFields } from './entryChecks.ts';

/** Unknown `related` ids reported one by one; the rest are counted in one more warning. */
const MAX_UNKNOWN_RELATED = 10;

export { INCIDENT_ID };

export interface LoadContext {
  config: Config;
  now: number;
  /** Every incident id in the repository, for `related`. */
  knownIds: ReadonlySet<string>;
}

export interface LoadedIncident {
  id: string;
  /** Present when incident.md is valid; then rules can evaluate it. */
  incident?: Incident;
  findings: RuleFinding[];
  /** Entry files found (valid or not). */
  entryCount: number;
}

export function loadIncident(files: IncidentFiles, context: LoadContext): LoadedIncident {
  const { config } = context;
  const findings: RuleFinding[] = [];
  const incidentPath = `${files.dir}/incident.md`;

  // A folder that is a link, or whose name is not an id, is not read (the site never publishes
  // it): its one finding says why.
  if (files.refusal !== undefined) {
    return { id: files.id, findings: [{ rule: 'schema', file: files.dir, message: files.refusal }], entryCount: 0 };
  }
  if (!INCIDENT_ID.test(files.id)) {
    return { id: files.id, findings: [{ rule: 'schema', file: files.dir, message: invalidIdMessage(files.id) }], entryCount: 0 };
  }
  for (const refused of files.refused ?? []) findings.push({ rule: 'schema', file: refused.path, message: refused.problem });
  for (const stray of files.strays) {
    const meant = closest(stray.slice(stray.lastIndexOf('/') + 1), ['incident.md', 'report.md']);
    findings.push({
      rule: 'schema',
      file: stray,
      message: meant
        ? `Unexpected Markdown file at the incident's top level: did you mean ${meant}? Rename it`
        : `Unexpected Markdown file at the incident's top level: only incident.md and report.md belong there; rename it or move a log entry into log/`,
    });
  }

  const meta = files.incident ? readIncidentFile(files.incident, findings) : undefined;
  if (!files.incident) {
    findings.push({ rule: 'schema', file: incidentPath, message: 'Missing incident.md: every incident folder needs one (title, client, opened_at, reporter, priority, status, pm)' });
  }
  const zone = zoneOf(config, meta?.fields.client, meta?.fields.timezone);

  const entries: LogEntry[] = [];
  for (const file of files.entries) {
    const entry = readEntryFile(file, zone, context, findings);
    if (entry) entries.push(entry);
  }
  entries.sort((a, b) => a.at - b.at || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  checkEntryReferences(entries, findings);
  checkNameCase(files.entries, findings);

  const report = files.report ? loadReport(files.report, findings) : undefined;

  const resolvedAt = meta ? checkIncidentFields(incidentPath, meta.fields, meta.fm, zone, context, findings) : undefined;
  if (!meta?.data) return { id: files.id, findings, entryCount: files.entries.length };
  // A resolved or closed incident stays resolved whatever is wrong with its resolved_at (the
  // schema finding says what): it ended at its last entry, else when it was opened, so check,
  // due and the site all treat it as over instead of open until Now.
  const end = meta.data.status === 'open' ? undefined : (resolvedAt ?? entries.reduce((last, e) => Math.max(last, e.at), parseTimestamp(meta.data.opened_at, zone)));
  const incident = buildIncident(files, meta.data, meta.fm, zone, end, entries, report);
  return { id: files.id, incident, findings, entryCount: files.entries.length };
}

/**
 * `X.md` and `x.md` (or an é composed and decomposed) are two entries in git and one on a
 * case-insensitive file system (macOS, Windows): a checkout there silently keeps only one.
 */
function checkNameCase(entries: readonly InputFile[], findings: RuleFinding[]): void {
  const seen = new Map<string, string>();
  for (const file of entries) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const key = name.normalize('NFC').toLowerCase();
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, name);
    else if (earlier !== name) findings.push({ rule: 'schema', file: file.path, message: `Log entry "${name}" differs from "${earlier}" only by case: a checkout on macOS or Windows keeps only one of them; rename this one` });
  }
}

function invalidIdMessage(id: string): string {
  const suggestion = id.includes('\\') ? '' : id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  const example = INCIDENT_ID.test(suggestion) ? suggestion : '2026-11-02-acme-checkout-500';
  return `Folder "${id}" is not a valid incident id, and nothing in it is checked or published: rename it with lower-case letters, digits and - (at most 80 characters), e.g. ${example}`;
}

function readIncidentFile(file: InputFile, findings: RuleFinding[]) {
  const fm = readFrontmatter(file, findings, { required: true });
  if (!fm) return undefined;
  const parsed = incidentFrontmatter.safeParse(fm.data);
  const visibilityLike = visibilityLikeKeys(fm.data);
  findings.push(...visibilityKeyFindings(file.path, fm, visibilityLike));
  findings.push(...unknownKeyFindings(file.path, fm, fm.data, [...INCIDENT_FIELDS, ...visibilityLike]));
  for (const key of ['reporter', 'pm'] as const) findings.push(...unknownKeyFindings(file.path, fm, fm.data[key], PERSON_FIELDS, [key]));
  if (!parsed.success) {
    findings.push(...zodFindings(file.path, fm, parsed.error.issues));
    return { fields: validFields(incidentFrontmatter, fm.data), fm };
  }
  // A key that reads like visibility withholds the incident; its other checks still run.
  if (visibilityLike.length) return { fields: parsed.data as Partial<IncidentFrontmatter>, fm };
  return { data: parsed.data, fields: parsed.data as Partial<IncidentFrontmatter>, fm };
}


function readEntryFile(file: InputFile, zone: string, context: LoadContext, findings: RuleFinding[]): LogEntry | undefined {
  const fm = readFrontmatter(file, findings, { required: true });
  if (!fm) return undefined;
  const path = file.path;
  const visibilityLike = visibilityLikeKeys(fm.data);
  findings.push(...visibilityKeyFindings(path, fm, visibilityLike));
  findings.push(...unknownKeyFindings(path, fm, fm.data, [...ENTRY_FIELDS, ...visibilityLike]));
  const commitmentsIn = fm.data.commitments;
  if (Array.isArray(commitmentsIn)) {
    commitmentsIn.forEach((c, i) => findings.push(...unknownKeyFindings(path, fm, c, COMMITMENT_FIELDS, ['commitments', i])));
  }
  findings.push(...unknownKeyFindings(path, fm, fm.data.feedback, FEEDBACK_FIELDS, ['feedback']));
  const contacts = fm.data.contact;
  if (Array.isArray(contacts)) contacts.forEach((c, i) => findings.push(...unknownKeyFindings(path, fm, c, PERSON_FIELDS, ['contact', i])));
  else findings.push(...unknownKeyFindings(path, fm, contacts, PERSON_FIELDS, ['contact']));
  const parsed = entryFrontmatter.safeParse(fm.data);
  if (!parsed.success) findings.push(...zodFindings(path, fm, parsed.error.issues));
  // The checks across fields still run on the fields that are valid: one problem never hides another.
  const p = parsed.success ? parsed.data : validFields(entryFrontmatter, fm.data);
  const keyLines = fm.keyLines();
  const line = (key: string) => keyLines[key];
  const at = p.at === undefined ? undefined : parseTimestamp(p.at, zone);
  let valid = parsed.success && visibilityLike.length === 0;

  for (const problem of entryFieldProblems(p, fm.data.contact !== undefined, zone, context)) {
    const key = problem.lineKey ?? problem.path[0];
    const where = problem.path.length === 1 || problem.lineKey ? line(String(key)) : lineOfPath(fm, problem.path);
    findings.push({ rule: 'schema', ...(problem.severity && { severity: problem.severity }), file: path, line: where, message: problem.message });
    if (problem.rejects) valid = false;
  }
  const nextUpdateBy = p.next_update_by === undefined ? undefined : parseTimestamp(p.next_update_by, zone);
  if (!valid || !parsed.success || at === undefined) return undefined;
  const d: EntryFrontmatter = parsed.data;

  const name = path.slice(path.lastIndexOf('/') + 1);
  const commitments: Commitment[] = (d.commitments ?? []).map((c, i) => ({
    id: c.id,
    action: c.action,
    owner: normaliseOwner(c.owner),
    due: c.due === undefined ? undefined : parseTimestamp(c.due, zone),
    file: path,
    line: lineOfPath(fm, ['commitments', i]),
    madeAt: at,
  }));
  return {
    file: path,
    name,
    keyLines,
    at,
    direction: d.direction,
    channel: d.channel,
    kind: d.kind ?? defaultKind(d.direction),
    contacts: d.contact === undefined ? [] : Array.isArray(d.contact) ? d.contact : [d.contact],
    author: d.author,
    summary: d.summary,
    cc: d.cc ?? [],
    nextUpdateBy,
    priority: d.priority,
    commitments,
    done: d.done ?? [],
    feedback: d.feedback,
    verbatim: d.verbatim,
    category: d.category,
    corrects: d.corrects,
    messageId: d.message_id,
    awaiting: d.direction === 'outbound' ? d.awaiting : undefined,
    sourceId: d.source_id,
    internal: d.visibility === 'internal',
    body: fm.body,
    bodyLine: fm.bodyLine,
  };
}

function defaultKind(direction: LogEntry['direction']): Kind {
  return direction === 'outbound' ? 'update' : direction === 'inbound' ? 'report' : 'note';
}

function normaliseOwner(owner: string | undefined): string {
  if (owner === undefined) return 'us';
  const lower = owner.trim().toLowerCase();
  return lower === 'us' || lower === 'client' ? lower : owner;
}

/** Commitment ids unique within the incident; `done` ids made up to that entry; `corrects` names an earlier entry. */
function checkEntryReferences(entries: readonly LogEntry[], findings: RuleFinding[]): void {
  const made = new Map<string, Commitment>();
  const names = new Map(entries.map((e, i) => [e.name, i]));
  const messages = new Map<string, LogEntry>();
  entries.forEach((entry, index) => {
    if (entry.messageId !== undefined) {
      const first = messages.get(entry.messageId);
      if (first) {
        findings.push({ rule: 'schema', severity: 'warning', file: entry.file, line: entry.keyLines.message_id, message: `Field "message_id" is the e-mail already logged in ${first.name}: the same e-mail is logged twice; remove this entry before it lands, or correct it with a new entry` });
      } else {
        messages.set(entry.messageId, entry);
      }
    }
    for (const c of entry.commitments) {
      const earlier = made.get(c.id);
      if (earlier) {
        findings.push({ rule: 'schema', file: entry.file, line: c.line, message: `Commitment id "${c.id}" is already used in ${earlier.file.slice(earlier.file.lastIndexOf('/') + 1)}: commitment ids must be unique within the incident; choose another id` });
      } else {
        made.set(c.id, c);
      }
    }
    for (const id of entry.done) {
      if (!made.has(id)) {
        findings.push({ rule: 'schema', file: entry.file, line: entry.keyLines.done, message: `Field "done" names "${id}", but no commitment with that id was made in this or an earlier entry: use the id of an existing commitment` });
      }
    }
    if (entry.corrects !== undefined) {
      const target = names.get(entry.corrects);
      if (target === undefined || target >= index) {
        findings.push({ rule: 'schema', file: entry.file, line: entry.keyLines.corrects, message: `Field "corrects" names "${entry.corrects}", which is not an earlier entry of this incident: give the file name of the entry being corrected` });
      }
    }
  });
}


/** The checks across the fields of incident.md that are valid; returns the `resolved_at` in force. */
function checkIncidentFields(
  file: string,
  d: Partial<IncidentFrontmatter>,
  fm: Frontmatter,
  zone: string,
  context: LoadContext,
  findings: RuleFinding[],
): number | undefined {
  const line = (key: string) => fm.lineOf([key]);
  const openedAt = d.opened_at === undefined ? undefined : parseTimestamp(d.opened_at, zone);
  let resolvedAt = d.resolved_at === undefined ? undefined : parseTimestamp(d.resolved_at, zone);
  if (d.status === 'open' && resolvedAt !== undefined) {
    findings.push({ rule: 'schema', file, line: line('resolved_at'), message: 'Field "resolved_at" is set on an open incident: set status to resolved or closed, or remove resolved_at' });
    resolvedAt = undefined;
  } else if (d.status !== undefined && d.status !== 'open' && resolvedAt === undefined && fm.data.resolved_at === undefined) {
    findings.push({ rule: 'schema', file, line: line('status'), message: `Missing field "resolved_at": a ${d.status} incident says when it was resolved, e.g. resolved_at: 2026-11-02T16:40` });
  } else if (resolvedAt !== undefined && openedAt !== undefined && resolvedAt < openedAt) {
    const [resolved, opened] = formatLocalPair(resolvedAt, openedAt, zone);
    findings.push({ rule: 'schema', file, line: line('resolved_at'), message: `Field "resolved_at" (${resolved}) is before "opened_at" (${opened}): an incident cannot be resolved before it was opened` });
    resolvedAt = undefined;
  } else if (resolvedAt !== undefined && resolvedAt > context.now) {
    // Like an `at` in the future; and no rule walks the time up to it (9999-12-31 took minutes):
    // until that date comes, the incident counts as resolved at Now.
    findings.push({ rule: 'schema', severity: 'warning', file, line: line('resolved_at'), message: `Field "resolved_at" (${formatLocalPair(resolvedAt, context.now, zone)[0]}) is in the future: check the date and time; until then the incident counts as resolved now` });
    resolvedAt = context.now;
  }
  const category = categoryProblem(d.category, context.config);
  if (category) findings.push({ rule: 'schema', file, line: line('category'), message: category });
  const unknownRelated = (d.related ?? []).flatMap((id, i) => (context.knownIds.has(id) ? [] : [{ id, i }]));
  // One warning per unknown id, up to a few: 50,000 of them made an 11 MB report.
  for (const { id, i } of unknownRelated.slice(0, MAX_UNKNOWN_RELATED)) {
    findings.push({ rule: 'schema', severity: 'warning', file, line: lineOfPath(fm, ['related', i]), message: `Field "related" names "${id}", which is not an incident of this repository: check the id` });
  }
  if (unknownRelated.length > MAX_UNKNOWN_RELATED) {
    const rest = unknownRelated.slice(MAX_UNKNOWN_RELATED);
    findings.push({ rule: 'schema', severity: 'warning', file, line: lineOfPath(fm, ['related', rest[0].i]), message: `Field "related" names ${rest.length} more ids that are not incidents of this repository: check the list` });
  }
  return resolvedAt;
}

function buildIncident(
  files: IncidentFiles,
  d: IncidentFrontmatter,
  fm: Frontmatter,
  zone: string,
  resolvedAt: number | undefined,
  entries: LogEntry[],
  report: Incident['report'],
): Incident {
  const file = `${files.dir}/incident.md`;
  const openedAt = parseTimestamp(d.opened_at, zone);
  const keyLines = fm.keyLines();
  return {
    id: files.id,
    dir: files.dir,
    file,
    keyLines,
    zone,
    title: d.title,
    client: d.client,
    openedAt,
    reporter: d.reporter as Person,
    priority: d.priority,
    severity: d.severity,
    triage: d.triage,
    status: d.status,
    resolvedAt,
    pm: d.pm as Person,
    owner: d.owner,
    backup: d.backup,
    category: d.category,
    tags: d.tags ?? [],
    related: d.related ?? [],
    internal: d.visibility === 'internal',
    body: fm.body,
    entries,
    report,
  };
}
