// `commlog share-report`: circulate the incident response report to the client (quality.md,
// report-shared). The e-mail goes to everyone we dealt with on the client's side, with the
// project manager copied, like `confirm`; the log entry that records it has kind report-sent.
import { dayAndTime } from '../cadence/describe.ts';
import type { Incident } from '../model.ts';
import type { Person } from '../schema/values.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import type { EntryDraft } from './entry.ts';
import { type Letter, letterTexts, recipients } from './letter.ts';
import { mailbox } from './person.ts';

/** To the reporter and the log's contacts; copied: the project manager. */
export interface ReportEmail extends Letter {
  /** The entry that records the report being sent, at `sentAt`. */
  entry: EntryDraft;
}

/** Channels whose contact is an audience (a status page's subscribers), not a person one writes to. */
const BROADCAST_CHANNELS: ReadonlySet<string> = new Set(['status-page', 'social']);

/** The client's people: the reporter, then every contact of the log, each once (by name). */
function clientPeople(incident: Incident): Person[] {
  const byName = new Map<string, Person>();
  const conversations = incident.entries.filter((e) => e.direction !== 'internal' && !BROADCAST_CHANNELS.has(e.channel));
  for (const p of [incident.reporter, ...conversations.flatMap((e) => e.contacts)]) {
    const key = p.name.trim().toLowerCase();
    const known = byName.get(key);
    // A later mention may carry the address the first one lacked.
    if (!known || (!known.email && p.email)) byName.set(key, p);
  }
  return [...byName.values()];
}

export function reportEmail(incident: Incident, report: { file: string; body: string }, sentAt: number, author: string): ReportEmail {
  const { zone } = incident;
  const when = (t: number) => `${dayAndTime(zone, t)} ${zoneAbbreviation(zone, t)}`;
  const subject = `Incident report: ${incident.title}`;
  const people = clientPeople(incident);
  const pm = mailbox(incident.pm);
  const { to, cc, unreachable } = recipients(people, pm ? [pm] : []);

  const resolved = incident.resolvedAt === undefined ? '' : ` (resolved ${when(incident.resolvedAt)})`;
  const opening = `Here is our incident response report on "${incident.title}"${resolved}: what happened and when, its impact, the cause, how we resolved it, and what we do to prevent it. Please share it with whoever needs it, and reply with any questions or corrections.`;
  const reportText = report.body.trim();
  const body = { markdown: ['---', '', reportText, '', '---', ''], text: [reportText, ''] };
  const { markdown, text } = letterTexts({ subject, to, cc, addressees: people, opening, body, author });

  const names = people.map((p) => p.name).join(', ');
  const entry: EntryDraft = {
    at: sentAt,
    direction: 'outbound',
    channel: 'email',
    contacts: people,
    cc,
    author,
    kind: 'report-sent',
    summary: `Sent the incident response report (${report.file.slice(report.file.lastIndexOf('/') + 1)}) to ${names || incident.client}.`,
  };
  return { subject, to, cc, unreachable, markdown, text, entry };
}
