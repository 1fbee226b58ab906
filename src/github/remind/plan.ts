// `commlog remind`, the pure half: from the obligations of `due` and the reminder issues that
// exist, decide what to open, update, close or leave. Everything written into an issue is a
// function of the obligations (absolute deadlines, never "in 25 minutes"), so a second run
// right after the first finds nothing to change.
import type { Obligation } from '../../core/obligations/due.ts';
import { formatLocal } from '../../core/present/instant.ts';
import { markdownCode, markdownText, markdownUrlPath } from '../../core/present/markdownText.ts';
import { newLogEntryUrl } from '../logEntryLink.ts';

export type { Obligation };

export interface RemindIncident {
  id: string;
  title: string;
  client: string;
  status: string;
  /** Priority in force now. */
  priority: string;
  owner?: string;
  backup?: string;
  zone: string;
  /** The project manager's address, for the new entry's `cc`. */
  pmEmail?: string;
}

export interface ReminderIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
}

export interface RemindSettings {
  /** Staff handle -> GitHub login (`github.logins`). */
  logins: Record<string, string>;
  /** Labels every reminder issue carries (`github.labels`). */
  labels: string[];
  /** Lead time: obligations due before now + within are reminded of (`github.remind_within`). */
  within: number;
  /** For links: `https://github.com`, `owner/name` and the branch the log lives on. */
  serverUrl: string;
  repository: string;
  branch: string;
}

export interface RemindInput {
  /** Every incident of the repository (open or not: an issue of a closed one is closed). */
  incidents: RemindIncident[];
  obligations: Obligation[];
  /** The reminder issues that exist, open or closed. */
  issues: ReminderIssue[];
  /** Incidents whose incident.md is broken: their issues are left as they are until it is fixed. */
  unreadable?: string[];
  now: number;
  settings: RemindSettings;
}

export type ReminderAction =
  | { kind: 'open'; incident: string; title: string; body: string; labels: string[]; assignees: string[] }
  | {
      kind: 'update';
      incident: string;
      issue: number;
      reopen: boolean;
      title?: string;
      body?: string;
      assignees?: string[];
      addLabels: string[];
      /** Posted so that the assignees are notified (a body edit notifies nobody). */
      comment?: string;
    }
  | { kind: 'close'; incident: string; issue: number; comment: string; reason: 'completed' | 'not_planned' }
  | { kind: 'nothing'; incident: string; issue?: number };

/** What the issue body records for the next run, inside an HTML comment. */
export interface ReminderState {
  incident: string;
  /** Keys of the obligations that were overdue. */
  overdue: string[];
  /** Logins this tool assigned (people assigned by hand are left alone). */
  assigned: string[];
}

/** GitHub's login names: letters, digits and single hyphens, at most 39 characters. */
const GITHUB_LOGIN = /^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$/;

const STATE_PREFIX = '<!-- commlog:remind ';
const STATE_PATTERN = /<!-- commlog:remind (\{.*?\}) -->/;

export function readReminderState(body: string): ReminderState | undefined {
  const match = STATE_PATTERN.exec(body);
  if (!match) return undefined;
  try {
    const state = JSON.parse(match[1]) as Partial<ReminderState>;
    if (typeof state.incident !== 'string') return undefined;
    return { incident: state.incident, overdue: state.overdue ?? [], assigned: state.assigned ?? [] };
  } catch {
    return undefined;
  }
}

function writeReminderState(state: ReminderState): string {
  // `-` escaped: an incident id may hold `--`, which must not end the HTML comment early.
  return `${STATE_PREFIX}${JSON.stringify(state).replace(/-/g, '\\u002d')} -->`;
}

export function obligationKey(o: Obligation): string {
  return `${o.rule}${o.window ? `:${o.window}` : ''}${o.commitment ? `:${o.commitment}` : ''}@${new Date(o.due).toISOString()}`;
}

export function planReminders(input: RemindInput): ReminderAction[] {
  const { settings, now } = input;
  const horizon = now + settings.within;
  const owed = new Map<string, Obligation[]>();
  for (const o of input.obligations) {
    if (!o.overdue && o.due > horizon) continue;
    owed.set(o.incident, [...(owed.get(o.incident) ?? []), o]);
  }
  const incidents = new Map(input.incidents.map((i) => [i.id, i]));
  const issuesByIncident = new Map<string, { issue: ReminderIssue; state: ReminderState }[]>();
  for (const issue of input.issues) {
    const state = readReminderState(issue.body);
    if (!state) continue;
    issuesByIncident.set(state.incident, [...(issuesByIncident.get(state.incident) ?? []), { issue, state }]);
  }

  const actions: ReminderAction[] = [];
  const ids = [...new Set([...owed.keys(), ...issuesByIncident.keys()])].sort();
  const unreadable = new Set(input.unreadable ?? []);
  for (const id of ids) {
    if (unreadable.has(id)) {
      actions.push({ kind: 'nothing', incident: id });
      continue;
    }
    const incident = incidents.get(id);
    const obligations = incident?.status === 'open' ? sortObligations(owed.get(id) ?? []) : [];
    const issues = issuesByIncident.get(id) ?? [];
    const open = issues.filter((i) => i.issue.state === 'open').sort((a, b) => a.issue.number - b.issue.number);
    const [kept, ...duplicates] = open;
    for (const d of duplicates) {
      actions.push({ kind: 'close', incident: id, issue: d.issue.number, reason: 'not_planned', comment: `Duplicate of #${kept.issue.number}: commlog keeps one reminder issue per incident.` });
    }

    if (obligations.length === 0 || !incident) {
      if (kept) actions.push({ kind: 'close', incident: id, issue: kept.issue.number, reason: 'completed', comment: closingComment(id, incident, now) });
      else actions.push({ kind: 'nothing', incident: id });
      continue;
    }

    const desired = desiredIssue(incident, obligations, settings);
    const existing = kept ?? issues.filter((i) => i.issue.state === 'closed').sort((a, b) => b.issue.number - a.issue.number)[0];
    if (!existing) {
      actions.push({ kind: 'open', incident: id, title: desired.title, body: desired.body, labels: settings.labels, assignees: desired.state.assigned });
      continue;
    }
    actions.push(updateOf(existing.issue, existing.state, desired, obligations, settings));
  }
  return actions;
}

function updateOf(
  issue: ReminderIssue,
  previous: ReminderState,
  desired: { title: string; body: string; state: ReminderState },
  obligations: Obligation[],
  settings: RemindSettings,
): ReminderAction {
  const reopen = issue.state === 'closed';
  const update: Extract<ReminderAction, { kind: 'update' }> = { kind: 'update', incident: desired.state.incident, issue: issue.number, reopen, addLabels: [] };
  if (issue.title !== desired.title) update.title = desired.title;
  if (normalise(issue.body) !== normalise(desired.body)) update.body = desired.body;
  if (!sameSet(previous.assigned, desired.state.assigned)) {
    const droppedByUs = new Set(previous.assigned.filter((l) => !desired.state.assigned.includes(l)));
    update.assignees = [...new Set([...issue.assignees.filter((l) => !droppedByUs.has(l)), ...desired.state.assigned])];
  }
  update.addLabels = settings.labels.filter((l) => !issue.labels.includes(l));

  const wasOverdue = new Set(reopen ? [] : previous.overdue);
  const newlyOverdue = obligations.filter((o) => o.overdue && !wasOverdue.has(obligationKey(o)));
  if (reopen) {
    update.comment = `Reopened: something is owed again.\n\n${obligations.map((o) => `- ${describe(o)}`).join('\n')}`;
  } else if (newlyOverdue.length > 0) {
    update.comment = `Now overdue:\n\n${newlyOverdue.map((o) => `- ${describe(o)}`).join('\n')}`;
  }
  const changed = reopen || update.title !== undefined || update.body !== undefined || update.assignees !== undefined || update.addLabels.length > 0;
  return changed ? update : { kind: 'nothing', incident: desired.state.incident, issue: issue.number };
}

function desiredIssue(incident: RemindIncident, obligations: Obligation[], settings: RemindSettings) {
  const handles = [incident.owner, incident.backup].filter((h): h is string => Boolean(h));
  const assigned = [...new Set(handles.map((h) => settings.logins[h]).filter((l): l is string => Boolean(l)))];
  const unmapped = [...new Set(handles.filter((h) => !settings.logins[h]))];
  const state: ReminderState = { incident: incident.id, overdue: obligations.filter((o) => o.overdue).map(obligationKey), assigned };

  const overdue = obligations.filter((o) => o.overdue).length;
  const soon = obligations.length - overdue;
  const counts = [overdue ? `${overdue} overdue` : '', soon ? `${soon} due soon` : ''].filter(Boolean).join(', ');
  const title = `[commlog] ${incident.id}: ${counts}`;

  // A configured login is mentioned on purpose (it notifies the person); anything else is text.
  const person = (handle: string | undefined) => {
    if (!handle) return 'nobody';
    const login = settings.logins[handle];
    return login && GITHUB_LOGIN.test(login) ? `@${login}` : markdownCode(login ?? handle);
  };
  const base = `${settings.serverUrl.replace(/\/+$/, '')}/${settings.repository}`;
  const rows = obligations.map((o) => {
    const what = `${markdownCode(o.rule, { inTable: true })}${o.window ? ` ${markdownText(o.window)}` : ''}${o.commitment ? ` ${markdownText(o.commitment)}` : ''}`;
    return `| ${o.overdue ? '⚠️ overdue' : '⏰ due soon'} | ${what} | ${formatLocal(o.due, o.zone)} | ${markdownText(o.message)} |`;
  });
  const body = [
    writeReminderState(state),
    '',
    `**${markdownText(incident.title)}** for ${markdownText(incident.client)}: priority ${markdownText(incident.priority)}; communication lead ${person(incident.owner)}, backup ${person(incident.backup)}.`,
    '',
    '| | obligation | due | what |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `📝 [Log the update](${newLogEntryUrl({ serverUrl: settings.serverUrl, repository: settings.repository, branch: settings.branch, incident: incident.id, zone: incident.zone, pmEmail: incident.pmEmail })}) ` +
      `(or ${markdownCode(`npx commlog new entry ${incident.id}`)}) · [the incident](${base}/blob/${markdownUrlPath(`${settings.branch}/incidents/${incident.id}/incident.md`)}) · \`npx commlog due\` lists every deadline`,
    ...(unmapped.length
      ? ['', `No GitHub login is configured for ${unmapped.map((h) => markdownCode(h)).join(' and ')}: add it under \`github.logins\` in commlog.config.yaml to assign this issue.`]
      : []),
    '',
    '<sub>Kept by `commlog remind`: updated as the obligations change, closed when nothing is owed. Closing it by hand does not silence it; logging the update does.</sub>',
    '',
  ].join('\n');
  return { title, body, state };
}

function closingComment(id: string, incident: RemindIncident | undefined, now: number): string {
  const why = !incident ? 'the incident no longer exists' : incident.status !== 'open' ? `the incident is ${incident.status}` : 'nothing is overdue or due soon';
  return `Closing: ${why} (checked ${new Date(now).toISOString().slice(0, 16).replace('T', ' ')} UTC). commlog reopens this issue if ${markdownCode(id)} owes something again.`;
}

function describe(o: Obligation): string {
  return `${markdownCode(o.rule)}${o.window ? ` (${markdownText(o.window)})` : ''}${o.commitment ? ` (${markdownText(o.commitment)})` : ''}, due ${formatLocal(o.due, o.zone)}: ${markdownText(o.message)}`;
}

/** Overdue first, then by deadline (as `commlog due` lists them). */
function sortObligations(list: Obligation[]): Obligation[] {
  return [...list].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due - b.due || obligationKey(a).localeCompare(obligationKey(b)));
}

function normalise(body: string): string {
  return body.replace(/\r\n/g, '\n').trimEnd();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
