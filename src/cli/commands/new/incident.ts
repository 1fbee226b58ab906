// `commlog new incident`: a new incident.md from flags (or answers on a terminal), checked by
// the loader before it is written.
import { zoneOf } from '../../../core/config/config.ts';
import { join } from 'node:path';
import type { Config } from '../../../core/config/config.ts';
import { newIncidentFile, type IncidentDraft } from '../../../core/compose/incident.ts';
import { toMinute } from '../../../core/compose/timestampText.ts';
import { mailbox, parsePerson } from '../../../core/compose/person.ts';
import { isLowerPriority, TRIAGE_MEANING, TRIAGE_PRIORITY } from '../../../core/rules/priorityTriage.ts';
import { PRIORITIES, SEVERITIES, TRIAGES, type Triage } from '../../../core/schema/values.ts';
import { isValidZone } from '../../../core/time/zone.ts';
import { loadValidIncidents } from '../../../node/loadIncidents.ts';
import { listIncidentIds, readConfig } from '../../../node/repository.ts';
import { writeNewFile } from '../../../node/writeNew.ts';
import { parseCommandArgs, parseNow, parseTimeFlag, rootOf } from '../../args.ts';
import { EXIT_OK, type CliIO } from '../../io.ts';
import { UsageError } from '../../usageError.ts';
import type { Answers, Question } from '../newPrompts.ts';
import { completeAnswers, enumFlag, oneLine } from './flags.ts';
import { validateDraft } from './validate.ts';

export const NEW_INCIDENT_HELP = `commlog new incident   writes incidents/<date>-<client>-<topic>/incident.md (status open)
  --title TEXT            one line saying what happened (required)
  --client NAME           the client organisation (required)
  --reporter PERSON       who reported it: "Name <address>", an address or a name (required)
  --triage ANSWER         blocked (the client's customers or staff cannot work), deadline (an
                          internal deadline of the client is blocked), workaround (a workaround
                          exists) or inconvenience; asked on a terminal, it proposes the priority
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
`;

const INCIDENT_OPTIONS = {
  title: { type: 'string' },
  client: { type: 'string' },
  reporter: { type: 'string' },
  triage: { type: 'string' },
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

export async function newIncident(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('new incident', argv, INCIDENT_OPTIONS);
  const root = rootOf(values, io.cwd);
  const config = readConfig(root);
  listIncidentIds(root); // a repository has an incidents/ folder
  const now = parseNow(values.now, config.timezone);
  const questions: Question[] = [
    { flag: 'title', message: 'Title (one line: what happened)' },
    { flag: 'client', message: 'Client organisation' },
    { flag: 'reporter', message: 'Reported by ("Name <address>")' },
    {
      flag: 'triage',
      message: 'Triage: how badly is the client stopped?',
      choices: TRIAGES,
      choiceLabel: (t) => `${t}: ${TRIAGE_MEANING[t as Triage]} (priority ${TRIAGE_PRIORITY[t as Triage]})`,
      optional: true,
    },
    { flag: 'priority', message: 'Priority', choices: PRIORITIES, proposal: (a) => (a.triage ? TRIAGE_PRIORITY[a.triage as Triage] : 'high') },
    { flag: 'pm', message: 'Project manager ("Name <address>")', proposal: (a) => latestPm(root, config, now, a.client), problem: (text) => (parsePerson(text).email ? undefined : 'the project manager needs an e-mail address: Name <address>') },
  ];
  // The client's contract may set its zone (policies.md); a --timezone of the incident wins.
  const zone = zoneOf(config, values.client, values.timezone);
  // Flags no question covers are checked before anything is asked.
  const extras = incidentExtras(values, zone, now);
  const answers = await completeAnswers(questions, values, io, 'new incident');
  const draft = incidentDraft(answers, extras);
  const { id, text } = newIncidentFile(draft, zone);
  const path = `incidents/${id}/incident.md`;
  if (listIncidentIds(root).includes(id)) throw new UsageError(`incidents/${id} already exists: pass --topic to choose another id`);
  validateDraft(root, config, now, id, { path, text });
  writeNewFile(join(root, path), text, path);
  io.stdout.write(`${path}\n`);
  if (draft.triage && isLowerPriority(draft.priority, TRIAGE_PRIORITY[draft.triage])) {
    io.stderr.write(`note: triage ${draft.triage} implies priority ${TRIAGE_PRIORITY[draft.triage]}, not ${draft.priority}: \`commlog check\` will warn (priority-triage)\n`);
  }
  return EXIT_OK;
}

type IncidentValues = Partial<Record<'timezone' | 'opened-at' | 'severity' | 'owner' | 'backup' | 'category' | 'topic' | 'description', string>> & { tag?: string[]; internal?: boolean };
type IncidentExtras = Omit<IncidentDraft, 'title' | 'client' | 'reporter' | 'priority' | 'pm'>;

function incidentExtras(values: IncidentValues, zone: string, now: number): IncidentExtras {
  if (values.timezone !== undefined && !isValidZone(values.timezone)) throw new UsageError(`--timezone "${values.timezone}": not an IANA time zone such as Europe/London`);
  return {
    openedAt: values['opened-at'] === undefined ? toMinute(now) : parseTimeFlag('--opened-at', values['opened-at'], zone),
    severity: values.severity === undefined ? undefined : enumFlag('--severity', values.severity, SEVERITIES),
    owner: values.owner,
    backup: values.backup,
    timezone: values.timezone,
    category: values.category,
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
    triage: a.triage === undefined ? undefined : enumFlag('--triage', a.triage, TRIAGES),
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
