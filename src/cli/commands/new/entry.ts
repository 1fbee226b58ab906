// `commlog new entry`: a new log entry from flags (or answers on a terminal), with the policy's
// proposals filled in, checked by the loader before it is written.
import { COMMITMENT_FORM, parseCommitmentText } from '../../../core/compose/commitment.ts';
import { applyPolicyDefaults, canAwaitClient, entryBaseName, entryFileText, owesNextUpdateTime, type EntryDraft } from '../../../core/compose/entry.ts';
import { mailbox, parsePerson } from '../../../core/compose/person.ts';
import { timestampText, toMinute } from '../../../core/compose/timestampText.ts';
import type { Incident } from '../../../core/model.ts';
import { formatLocal } from '../../../core/present/instant.ts';
import { CHANNELS, DIRECTIONS, KINDS, PRIORITIES, type Kind, type Person } from '../../../core/schema/values.ts';
import { timestampProblem } from '../../../core/time/timestamp.ts';
import { loadOneIncident } from '../../../node/loadOneIncident.ts';
import { readConfig } from '../../../node/repository.ts';
import { writeNewEntryFile } from '../../../node/writeNew.ts';
import { parseCommandArgs, parseNow, parseTimeFlag, rootOf } from '../../args.ts';
import { EXIT_OK, type CliIO } from '../../io.ts';
import { UsageError } from '../../usageError.ts';
import type { Answers, Question } from '../newPrompts.ts';
import { completeAnswers, enumFlag, oneLine } from './flags.ts';
import { validateDraft } from './validate.ts';

export const NEW_ENTRY_HELP = `commlog new entry INCIDENT   writes incidents/INCIDENT/log/<date>T<HHMM>-<channel>-<in|out|note>.md
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
  --awaiting client       an outbound entry that waits for the client: on a pausable priority
                          the cadence pauses until the client answers (asked on a terminal)
  --priority P            re-triage: this priority is in force from --at on
  --commitment SPEC       "${COMMITMENT_FORM}" (repeatable)
  --done ID               a commitment fulfilled by this entry (repeatable)
  --verbatim TEXT         the client's own words
  --category NAME;  --corrects FILE;  --internal (never publish this entry)
  --feedback-rating 1-5;  --feedback-comment TEXT
  --body TEXT             the Markdown body (default: empty)
`;

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
  awaiting: { type: 'string' },
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

export async function newEntry(argv: string[], io: CliIO): Promise<number> {
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
      flag: 'awaiting',
      message: 'Awaiting the client? (client to pause the cadence until they answer; empty if not)',
      optional: true,
      when: (a) => a.direction === 'outbound' && canAwaitClient(incident, at, config, extras.priority),
      problem: (t) => (t.trim().toLowerCase() === 'client' ? undefined : 'expected client (or nothing, when we do not wait for the client)'),
    },
    {
      flag: 'next-update-by',
      message: 'Next update promised by',
      optional: true,
      when: (a) =>
        owesNextUpdateTime({ at, direction: a.direction as EntryDraft['direction'], kind: a.kind as Kind }, incident) &&
        !(a.awaiting !== undefined && canAwaitClient(incident, at, config, extras.priority)),
      proposal: (a) => {
        const t = proposed(a).nextUpdateBy;
        return t === undefined ? undefined : timestampText(t, zone);
      },
      problem: (t) => timestampProblem(t) ?? undefined,
    },
  ];
  // Flags no question covers are checked before anything is asked.
  const extras = entryExtras(values, incident);
  const answers = await completeAnswers(questions, { ...values, contact: values.contact?.[0] }, io, 'new entry');
  const contacts = values.contact ?? (answers.contact === undefined ? [] : [answers.contact]);
  const draft = entryDraft(answers, contacts, at, incident, extras);
  const { draft: complete, defaults } = applyPolicyDefaults(draft, incident, config);
  const base = entryBaseName(complete, zone);
  const text = entryFileText(complete, zone);
  validateDraft(root, config, now, incident.id, { path: `${incident.dir}/log/${base}.md`, text });
  const path = writeNewEntryFile(root, `${incident.dir}/log`, base, text);
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

function entryExtras(values: EntryValues, incident: Incident): EntryExtras {
  const commitments = (values.commitment ?? []).map((text) => {
    const c = parseCommitmentText(text, incident.zone);
    if (typeof c === 'string') throw new UsageError(`--commitment: ${c}`);
    return c;
  });
  const rating = values['feedback-rating'] === undefined ? undefined : Number(values['feedback-rating']);
  if (rating !== undefined && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) throw new UsageError(`--feedback-rating "${values['feedback-rating']}": expected 1 to 5`);
  return {
    cc: values.cc,
    priority: values.priority === undefined ? undefined : enumFlag('--priority', values.priority, PRIORITIES),
    commitments,
    done: values.done,
    feedback: rating === undefined && values['feedback-comment'] === undefined ? undefined : { rating, comment: values['feedback-comment'] },
    verbatim: values.verbatim,
    category: values.category,
    corrects: values.corrects,
    visibility: values.internal ? 'internal' : undefined,
    body: values.body,
  };
}

function entryDraft(a: Answers, contactTexts: string[], at: number, incident: Incident, extras: EntryExtras): EntryDraft {
  const zone = incident.zone;
  const direction = enumFlag('--direction', a.direction!, DIRECTIONS);
  const contacts: Person[] = contactTexts.map(parsePerson);
  const nextUpdateBy = a['next-update-by'] === undefined ? undefined : parseTimeFlag('--next-update-by', a['next-update-by'], zone);
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
    awaiting: awaitingFlag(a.awaiting, direction),
  };
}

function awaitingFlag(text: string | undefined, direction: EntryDraft['direction']): 'client' | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = enumFlag('--awaiting', text, ['client'] as const);
  if (direction !== 'outbound') throw new UsageError(`--awaiting: only an outbound entry can say we await the client, not an ${direction} one`);
  return value;
}

function defaultKind(direction: string | undefined): Kind {
  return direction === 'outbound' ? 'update' : direction === 'inbound' ? 'report' : 'note';
}
