// `commlog confirm`: "put it in writing". After a conversation with commitments on both sides,
// a confirmation for the people who took part: who was there, what was discussed, who does what
// by when, and when the next update comes. One text, rendered as Markdown or as the plain-text
// body of an e-mail draft.
import { commitmentStates, isClientCommitment } from '../cadence/commitments.ts';
import { dayAndTime } from '../cadence/describe.ts';
import type { Config } from '../config/config.ts';
import type { Commitment, Incident, LogEntry } from '../model.ts';
import { proposeNextUpdateBy } from '../obligations/due.ts';
import type { Person } from '../schema/values.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import { type Letter, letterTexts, recipients } from './letter.ts';
import { mailbox } from './person.ts';

/** Copied: the project manager and the entry's cc. */
export type Confirmation = Letter;

const CONVERSATION: Partial<Record<LogEntry['channel'], string>> = {
  phone: 'call',
  meeting: 'meeting',
  screenshare: 'screen-sharing session',
  chat: 'chat',
  sms: 'messages',
};

export function confirmation(incident: Incident, entry: LogEntry, config: Config): Confirmation {
  const { zone } = incident;
  const when = (t: number) => `${dayAndTime(zone, t)} ${zoneAbbreviation(zone, t)}`;
  const noun = CONVERSATION[entry.channel] ?? 'conversation';
  const subject = `Confirming our ${noun} of ${dayAndTime(zone, entry.at)}: ${incident.title}`;

  const pm = mailbox(incident.pm);
  const { to, cc, unreachable } = recipients(entry.contacts, [...(pm ? [pm] : []), ...entry.cc]);

  const states = commitmentStates(incident.entries);
  const made = entry.commitments;
  const earlier = states.filter((s) => s.doneAt === undefined && s.commitment.file !== entry.file && s.commitment.madeAt <= entry.at).map((s) => s.commitment);
  const next = entry.nextUpdateBy ?? (incident.status === 'open' ? proposeNextUpdateBy(incident, entry.at, config) : undefined);

  const owner = (c: Commitment) => (c.owner === 'us' ? 'We' : isClientCommitment(c) ? incident.client : c.owner);
  const commitmentLine = (c: Commitment) => `${owner(c)}: ${c.action}${c.due === undefined ? ' (no date agreed)' : `, by ${when(c.due)}`}`;

  const blocks: { title: string; lines: string[]; list: boolean }[] = [
    { title: 'Who took part', lines: [...entry.contacts.map((p) => personLine(p, incident.client)), `${entry.author} (for us)`], list: true },
    { title: 'What we discussed', lines: [entry.summary, ...paragraphs(entry.body)], list: false },
    { title: 'Who does what by when', lines: made.length > 0 ? made.map(commitmentLine) : ['No new commitments were made.'], list: made.length > 0 },
  ];
  if (earlier.length > 0) blocks.push({ title: 'Still open from before', lines: earlier.map(commitmentLine), list: true });
  if (next !== undefined) blocks.push({ title: 'Next update', lines: [`You will hear from us by ${when(next)} at the latest.`], list: false });

  const opening = `Thank you for the ${noun} on ${when(entry.at)} about "${incident.title}". Here is what we discussed and agreed, so that we all have the same record. If anything does not match your notes, please reply to this message.`;
  const body = {
    markdown: blocks.flatMap((b) => [`## ${b.title}`, '', ...b.lines.map((l) => (b.list ? `- ${l}` : l)), '']),
    text: blocks.flatMap((b) => [`${b.title}:`, ...b.lines.map((l) => (b.list ? `- ${l}` : l)), '']),
  };
  const texts = letterTexts({ subject, to, cc, addressees: entry.contacts, opening, body, author: entry.author });
  return { subject, to, cc, unreachable, ...texts };
}

function personLine(p: Person, client: string): string {
  return [p.name, p.role, p.org ?? client].filter(Boolean).join(', ');
}

/** The entry's body as paragraphs of plain text, blank lines between them. */
function paragraphs(body: string): string[] {
  const text = body.trim();
  return text === '' ? [] : ['', text];
}
