import { join } from 'node:path';
import type { Config } from '../../core/config/config.ts';
import { COMMITMENT_FORM, parseCommitmentText } from '../../core/compose/commitment.ts';
import { applyPolicyDefaults, entryBaseName, entryFileText, owesNextUpdateTime, type EntryDraft } from '../../core/compose/entry.ts';
import { newIncidentFile, type IncidentDraft } from '../../core/compose/incident.ts';
import { mailbox, parsePerson } from '../../core/compose/person.ts';
import { timestampText, toMinute } from '../../core/compose/timestampText.ts';
import type { Incident } from '../../core/model.ts';
import { CHANNELS, DIRECTIONS, KINDS, PRIORITIES, SEVERITIES, type Kind, type Person } from '../../core/schema/values.ts';
import { formatLocal, formatLocalPair } from '../../core/present/instant.ts';
import { timestampProblem } from '../../core/time/timestamp.ts';
import { isValidZone } from '../../core/time/zone.ts';
import { loadValidIncidents } from '../../node/loadIncidents.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { listIncidentIds, readConfig } from '../../node/repository.ts';
import { UsageError } from '../usageError.ts';
import { writeNewEntryFile, writeNewFile } from '../../node/writeNew.ts';
import { parseCommandArgs, parseNow, parseTimeFlag, rootOf } from '../args.ts';
import { EXIT_OK, type CliIO, type Command } from '../io.ts';
import { askMissing, canAsk, type Answers, type Question } from './newPrompts.ts';

const HELP = `Usage: commlog new incident [options]
       commlog new entry INCIDENT [options]

Scaffolds a file a person then edits, prints the path it wrote, and never overwrites a file.
On a terminal, every required flag left out is asked for (with the policy's proposal as the
default); elsewhere a missing required flag is a usage error.

commlog new incident   writes incidents/<date>-<client>-<topic>/incident.md (status open)
  --title TEXT            one line saying what happened (required)
  --client NAME           the client organisation (required)
  --reporter PERSON       who reported it: "Name <address>", an address or a name (required)
  --priority P            urgent, high, medium or low (required)
  --pm PERSON             the project manager, "Name <address>" (required; default: the PM
                          of the client's latest incident, when asked on a terminal)
  --opened-at TIME        when the report reached us (default: now)
  --severity S            critical, high, medium or low
  --owner HANDLE          communication lead;  --backup HANDLE  backup lead
  --timezone ZONE         the client's IANA zone, when it is not the config's
  --category NAME         contact description (one of the config's categories)
  --tag TAG               a tag (repeatable)
  --topic WORDS           words for the id after the client (default: the title's first words)
  --description TEXT      the body (default: a comment asking for it)
  --internal              never publish this incident

commlog new entry INCIDENT   writes incidents/INCIDENT/log/<date>T<HHMM>-<channel>-<in|out|note>.md
  --direction D           inbound, outbound or internal (required)
  --channel C             ${CHANNELS.join(', ')} (required)
  --contact PERSON        who we dealt with (required unless internal; repeatable)
  --summary TEXT          one line, at most 300 characters (required)
  --author HANDLE         who logs it (default: the incident's owner)
  --at TIME               when it happened (default: now, to the minute)
  --kind K                ${KINDS.join(', ')}
  --cc MAILBOX            copied address (repeatable); for an outbound entry on a channel of
                          pm_cc_channels the project manager is always added
  --next-update-by TIME   for an outbound update; default: proposed from the policy, the
                          earliest deadline \`commlog due\` would give right after this update
  --priority P            re-triage: this priority is in force from --at on
  --commitment SPEC       "${COMMITMENT_FORM}" (repeatable)
  --done ID               a commitment fulfilled by this entry (repeatable)
  --verbatim TEXT         the client's own words
  --category NAME;  --corrects FILE;  --internal (never publish this entry)
  --feedback-rating 1-5;  --feedback-comment TEXT
  --body TEXT             the Markdown body (default: empty)

TIME is a timestamp such as 2026-11-02T09:05 (wall-clock time in the incident's zone) or
2026-11-02T09:05Z. Options for both: --now TIME (what "now" means above; without an offset,
in the config's timezone), --root DIR (default: the current directory), -h, --help.
`;

const INCIDENT_OPTIONS = {
  title: { type: 'string' },
  client: { type: 'string' },
  reporter: { type: 'string' },
  priority: { type: 'string' },
  pm: { type: 'string' },
  'opened-at': { type: 'string' },
  severity: { type: 'string' },
  owner: { type: 'string' },
  backup: { type: 'string' },
  timezone: { type: 'string' },
  category: { type: 'string' },
  tag: { type: 'string', multiple: true },
  topic: { type: 'string' },
  description: { type: 'string' },
  internal: { type: 'boolean' },
  now: { type: 'string' },
} as const;

const ENTRY_OPTIONS = {
  direction: { type: 'string' },
  channel: { type: 'string' },
  contact: { type: 'string', multiple: true },
  summary: { type: 'string' },
  author: { type: 'string' },
  at: { type: 'string' },
  kind: { type: 'string' },
  cc: { type: 'string', multiple: true },
  'next-update-by': { type: 'string' },
  priority: { type: 'string' },
  commitment: { type: 'string', multiple: true },
  done: { type: 'string', multiple: true },
  verbatim: { type: 'string' },
  category: { type: 'string' },
  corrects: { type: 'string' },
  internal: { type: 'boolean' },
  'feedback-rating': { type: 'string' },
  'feedback-comment': { type: 'string' },
  body: { type: 'string' },
  now: { type: 'string' },
} as const;

export const newCommand: Command = {
  help: HELP,
  async run(argv, io) {
    const [what, ...rest] = argv;
    if (what === 'incident') return newIncident(rest, io);
    if (what === 'entry') return newEntry(rest, io);
    throw new UsageError(`expected "new incident" or "new entry INCIDENT"${what === undefined ? '' : `, not "new ${what}"`} (see commlog new --help)`);
  },
};

// ---------------------------------------------------------------- new incident

async function newIncident(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('new incident', argv, INCIDENT_OPTIONS);
  const root = rootOf(values, io.cwd);
  const config = readConfig(root);
  listIncidentIds(root); // a repository has an incidents/ folder
  const now = parseNow(values.now, config.timezone);
  const questions: Question[] = [
    { flag: 'title', message: 'Title (one line: what happened)' },
    { flag: 'client', message: 'Client organisation' },
    { flag: 'reporter', message: 'Reported by ("Name <address>")' },
    { flag: 'priority', message: 'Priority', choices: PRIORITIES, proposal: () => 'high' },
    { flag: 'pm', message: 'Project manager ("Name <address>")', proposal: (a) => latestPm(root, config, now, a.client), problem: (text) => (parsePerson(text).email ? undefined : 'the project manager needs an e-mail address: Name <address>') },
  ];
  const zone = values.timezone ?? config.timezone;
  // Flags no question covers are checked before anything is asked.
  const extras = incidentExtras(values, config, zone, now);
  const answers = await completeAnswers(questions, values, io, 'new incident');
  const draft = incidentDraft(answers, extras);
  const { id, text } = newIncidentFile(draft, zone);
  const path = `incidents/${id}/incident.md`;
  if (listIncidentIds(root).includes(id)) throw new UsageError(`incidents/${id} already exists: pass --topic to choose another id`);
  writeNewFile(join(root, path), text, path);
  io.stdout.write(`${path}\n`);
  return EXIT_OK;
}

type IncidentValues = Partial<Record<'timezone' | 'opened-at' | 'severity' | 'owner' | 'backup' | 'category' | 'topic' | 'description', string>> & { tag?: string[]; internal?: boolean };
type IncidentExtras = Omit<IncidentDraft, 'title' | 'client' | 'reporter' | 'priority' | 'pm'>;

function incidentExtras(values: IncidentValues, config: Config, zone: string, now: number): IncidentExtras {
  if (values.timezone !== undefined && !isValidZone(values.timezone)) throw new UsageError(`--timezone "${values.timezone}": not an IANA time zone such as Europe/London`);
  return {
    openedAt: values['opened-at'] === undefined ? toMinute(now) : parseTimeFlag('--opened-at', values['opened-at'], zone),
    severity: values.severity === undefined ? undefined : enumFlag('--severity', values.severity, SEVERITIES),
    owner: values.owner,
    backup: values.backup,
    timezone: values.timezone,
    category: categoryFlag(values.category, config),
    tags: values.tag,
    visibility: values.internal ? 'internal' : undefined,
    topic: values.topic,
    description: values.description,
  };
}

function incidentDraft(a: Answers, extras: IncidentExtras): IncidentDraft {
  const client = oneLine('--client', a.client!);
  const reporter = parsePerson(a.reporter!);
  const pm = parsePerson(a.pm!);
  if (!pm.email) throw new UsageError(`--pm "${a.pm}": the project manager needs an e-mail address, e.g. "Priya Natarajan <priya@ourcompany.example>"`);
  return {
    ...extras,
    title: oneLine('--title', a.title!),
    client,
    reporter: { name: reporter.name, org: client, email: reporter.email },
    priority: enumFlag('--priority', a.priority!, PRIORITIES),
    pm,
  };
}

/** The PM of the client's latest incident: the same client usually keeps the same PM. */
function latestPm(root: string, config: Config, now: number, client: string | undefined): string | undefined {
  if (!client) return undefined;
  const { incidents } = loadValidIncidents(root, config, now);
  const same = incidents.filter((i) => i.client.trim().toLowerCase() === client.trim().toLowerCase()).sort((a, b) => b.openedAt - a.openedAt);
  return same[0] ? mailbox(same[0].pm) : undefined;
}

// ---------------------------------------------------------------- new entry

async function newEntry(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('new entry', argv, ENTRY_OPTIONS, true);
  if (positionals.length !== 1) throw new UsageError(`expected one INCIDENT id, got ${positionals.length} (see commlog new --help)`);
  const root = rootOf(values, io.cwd);
  const config = readConfig(root);
  const now = parseNow(values.now, config.timezone);
  const incident = loadOneIncident(root, positionals[0], config, now);
  const zone = incident.zone;
  const at = values.at === undefined ? toMinute(now) : parseTimeFlag('--at', values.at, zone);
  const proposed = (a: Answers) => {
    const partial = { at, direction: a.direction as EntryDraft['direction'], channel: a.channel as EntryDraft['channel'], kind: a.kind as Kind | undefined };
    return applyPolicyDefaults({ ...partial, contacts: [], author: '', summary: '' }, incident, config).draft;
  };
  const questions: Question[] = [
    { flag: 'direction', message: 'Direction', choices: DIRECTIONS, proposal: () => 'outbound' },
    { flag: 'channel', message: 'Channel', choices: CHANNELS, proposal: () => 'email' },
    {
      flag: 'contact',
      message: 'Contact ("Name <address>")',
      when: (a) => a.direction !== 'internal',
      proposal: () => mailbox(incident.reporter) ?? incident.reporter.name,
    },
    { flag: 'summary', message: 'Summary (one line)', problem: (t) => (t.length > 300 ? `${t.length} characters: a summary is one line of at most 300; put the rest in --body` : undefined) },
    { flag: 'author', message: 'Logged by (staff handle)', proposal: () => incident.owner },
    { flag: 'kind', message: 'Kind', choices: KINDS, proposal: (a) => defaultKind(a.direction) },
    {
      flag: 'next-update-by',
      message: 'Next update promised by',
      optional: true,
      when: (a) => owesNextUpdateTime({ at, direction: a.direction as EntryDraft['direction'], kind: a.kind as Kind }, incident),
      proposal: (a) => {
        const t = proposed(a).nextUpdateBy;
        return t === undefined ? undefined : timestampText(t, zone);
      },
      problem: (t) => timestampProblem(t) ?? undefined,
    },
  ];
  // Flags no question covers are checked before anything is asked.
  const extras = entryExtras(values, incident, config);
  const answers = await completeAnswers(questions, { ...values, contact: values.contact?.[0] }, io, 'new entry');
  const contacts = values.contact ?? (answers.contact === undefined ? [] : [answers.contact]);
  const draft = entryDraft(answers, contacts, at, incident, extras);
  const { draft: complete, defaults } = applyPolicyDefaults(draft, incident, config);
  const path = writeNewEntryFile(root, `${incident.dir}/log`, entryBaseName(complete, zone), entryFileText(complete, zone));
  io.stdout.write(`${path}\n`);
  if (defaults.proposedNextUpdate) io.stderr.write(`next_update_by ${formatLocal(complete.nextUpdateBy!, zone)} proposed from the policy: tell the client, or change it in the file\n`);
  if (defaults.pmCopied) io.stderr.write(`cc: ${mailbox(incident.pm)} (the project manager) added\n`);
  return EXIT_OK;
}

type EntryValues = Partial<Record<'priority' | 'corrects' | 'feedback-rating' | 'feedback-comment' | 'verbatim' | 'category' | 'body', string>> & {
  cc?: string[];
  commitment?: string[];
  done?: string[];
  internal?: boolean;
};
type EntryExtras = Omit<EntryDraft, 'at' | 'direction' | 'channel' | 'contacts' | 'author' | 'summary' | 'kind' | 'nextUpdateBy'>;

function entryExtras(values: EntryValues, incident: Incident, config: Config): EntryExtras {
  const commitments = (values.commitment ?? []).map((text) => {
    const c = parseCommitmentText(text, incident.zone);
    if (typeof c === 'string') throw new UsageError(`--commitment: ${c}`);
    return c;
  });
  const made = new Set(incident.entries.flatMap((e) => e.commitments.map((c) => c.id)));
  for (const c of commitments) if (made.has(c.id)) throw new UsageError(`--commitment: id "${c.id}" is already used in this incident: choose another id`);
  for (const id of values.done ?? []) {
    if (!made.has(id) && !commitments.some((c) => c.id === id)) throw new UsageError(`--done "${id}": no commitment with that id in incidents/${incident.id} (known: ${[...made].join(', ') || 'none'})`);
  }
  if (values.corrects !== undefined && !incident.entries.some((e) => e.name === values.corrects)) {
    throw new UsageError(`--corrects "${values.corrects}": no entry with that file name in incidents/${incident.id}/log`);
  }
  const rating = values['feedback-rating'] === undefined ? undefined : Number(values['feedback-rating']);
  if (rating !== undefined && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) throw new UsageError(`--feedback-rating "${values['feedback-rating']}": expected 1 to 5`);
  return {
    cc: values.cc,
    priority: values.priority === undefined ? undefined : enumFlag('--priority', values.priority, PRIORITIES),
    commitments,
    done: values.done,
    feedback: rating === undefined && values['feedback-comment'] === undefined ? undefined : { rating, comment: values['feedback-comment'] },
    verbatim: values.verbatim,
    category: categoryFlag(values.category, config),
    corrects: values.corrects,
    visibility: values.internal ? 'internal' : undefined,
    body: values.body,
  };
}

function entryDraft(a: Answers, contactTexts: string[], at: number, incident: Incident, extras: EntryExtras): EntryDraft {
  const zone = incident.zone;
  const direction = enumFlag('--direction', a.direction!, DIRECTIONS);
  const contacts: Person[] = contactTexts.map(parsePerson);
  if (direction !== 'internal' && contacts.length === 0) throw new UsageError(`missing --contact: an ${direction} entry names who we dealt with, e.g. --contact "Ana Silva <ana@client.example>"`);
  const nextUpdateBy = a['next-update-by'] === undefined ? undefined : parseTimeFlag('--next-update-by', a['next-update-by'], zone);
  if (nextUpdateBy !== undefined && nextUpdateBy < at) {
    const [promised, sent] = formatLocalPair(nextUpdateBy, at, zone);
    throw new UsageError(`--next-update-by (${promised}) is before --at (${sent})`);
  }
  const author = a.author ?? incident.owner;
  if (!author) throw new UsageError(`missing --author: incidents/${incident.id} names no owner to default to`);
  return {
    ...extras,
    at,
    direction,
    channel: enumFlag('--channel', a.channel!, CHANNELS),
    contacts: direction === 'internal' ? [] : contacts,
    author,
    summary: oneLine('--summary', a.summary!),
    kind: a.kind === undefined ? undefined : enumFlag('--kind', a.kind, KINDS),
    nextUpdateBy,
  };
}

function defaultKind(direction: string | undefined): Kind {
  return direction === 'outbound' ? 'update' : direction === 'inbound' ? 'report' : 'note';
}

// ---------------------------------------------------------------- shared

/** The required answers: asked on a terminal, else a usage error naming every missing flag. */
async function completeAnswers(questions: Question[], values: Record<string, unknown>, io: CliIO, command: string): Promise<Answers> {
  const given: Answers = {};
  for (const [key, value] of Object.entries(values)) if (typeof value === 'string') given[key] = value;
  // A wrong flag is reported before anything is asked.
  for (const q of questions) {
    const value = given[q.flag];
    if (value === undefined) continue;
    if (q.choices) given[q.flag] = enumFlag(`--${q.flag}`, value, q.choices);
    const problem = q.problem?.(value, given);
    if (problem) throw new UsageError(`--${q.flag}${value.length <= 60 ? ` "${value}"` : ''}: ${problem}`);
  }
  if (canAsk(io)) return askMissing(questions, given);
  const missing = questions.filter((q) => given[q.flag] === undefined && REQUIRED_FLAGS.has(q.flag) && (!q.when || q.when(given)));
  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.map((q) => `--${q.flag}`).join(', ')} (or run on a terminal to be asked; see commlog ${command} --help)`);
  }
  return given;
}

const REQUIRED_FLAGS = new Set(['title', 'client', 'reporter', 'priority', 'pm', 'direction', 'channel', 'contact', 'summary']);

function enumFlag<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const lower = value.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(lower)) throw new UsageError(`${flag} "${value}": expected one of ${allowed.join(', ')}`);
  return lower as T;
}

function oneLine(flag: string, text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') throw new UsageError(`${flag} is empty`);
  return line;
}

function categoryFlag(category: string | undefined, config: Config): string | undefined {
  if (category === undefined || config.categories.length === 0 || config.categories.includes(category)) return category;
  throw new UsageError(`--category "${category}": not a category of commlog.config.yaml (one of ${config.categories.join(', ')})`);
}

