// `commlog import-email`: an e-mail -> a log entry. Direction from whether the sender is staff
// (config `staff_domains`); contact and cc from the headers; summary from the subject; the new
// text of the message (no quoted history) as the client's own words on inbound mail, quoted in
// the body on outbound mail. The entry records what the mail said: the PM is not added to cc,
// and `next_update_by` is only what the mail itself promised ("next update by 14:00").
import type { Config } from '../config/config.ts';
import type { Incident } from '../model.ts';
import type { Direction, Kind, Person } from '../schema/values.ts';
import { instantToLocal, pad2, wallClockToInstant } from '../time/zone.ts';
import type { EntryDraft } from './entry.ts';
import type { EmailMessage, MailAddress } from './emailMessage.ts';

export interface EmailImportOptions {
  /** Overrides the Date header. */
  at?: number;
  direction?: Direction;
  author?: string;
  kind?: Kind;
  category?: string;
}

/** Why an e-mail cannot become an entry as it stands (the command turns it into a usage error). */
export class EmailImportProblem extends Error {}

const MAX_SUMMARY = 300;

export function isStaffAddress(address: string, staffDomains: readonly string[]): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return staffDomains.some((d) => {
    const staff = d.toLowerCase().replace(/^@/, '');
    return domain === staff || domain.endsWith(`.${staff}`);
  });
}

export function entryFromEmail(message: EmailMessage, incident: Incident, config: Config, options: EmailImportOptions = {}): EntryDraft {
  const at = options.at ?? message.date;
  if (at === undefined) throw new EmailImportProblem('the e-mail has no Date header: pass --at with the time it was sent');
  const sender = message.from[0];
  if (!sender) throw new EmailImportProblem('the e-mail has no From address');
  const direction = options.direction ?? directionOf(sender, config);
  const staff = (a: MailAddress) => isStaffAddress(a.address, config.staffDomains);
  const others = (list: MailAddress[]) => list.filter((a) => !staff(a));

  let contacts: MailAddress[];
  if (direction === 'inbound') contacts = [sender];
  else if (direction === 'outbound') contacts = others(message.to).length > 0 ? others(message.to) : message.to;
  else contacts = [];
  if (direction !== 'internal' && contacts.length === 0) throw new EmailImportProblem('the e-mail has no recipient to log as the contact');

  const author = options.author ?? (direction !== 'inbound' && staff(sender) ? sender.address.slice(0, sender.address.indexOf('@')).toLowerCase() : incident.owner);
  if (!author) throw new EmailImportProblem(`pass --author: incidents/${incident.id} names no owner to default to`);

  const text = message.text.trim();
  return {
    at,
    direction,
    channel: 'email',
    contacts: contacts.map(person),
    author,
    summary: summaryOf(message, sender),
    kind: options.kind,
    cc: message.cc.map(mailboxText),
    nextUpdateBy: direction === 'outbound' ? promisedNextUpdate(text, at, incident.zone) : undefined,
    verbatim: direction === 'inbound' && text !== '' ? text : undefined,
    category: options.category,
    body: bodyOf(message, direction, incident.zone),
  };
}

/** "next update by 14:00", "next update at **9.30**", "the next update before 16:30 tomorrow". */
const NEXT_UPDATE = /next update[^\n.]{0,40}?\b(?:by|at|before|around)\s+\**(\d{1,2})[:.](\d{2})\b(?:\**\s*(tomorrow))?/i;

/** The next update time a message promises, read on the day it was sent (or the next, when it says so). */
export function promisedNextUpdate(text: string, sentAt: number, zone: string): number | undefined {
  const m = NEXT_UPDATE.exec(text);
  if (!m || +m[1] > 23 || +m[2] > 59) return undefined;
  const day = instantToLocal(zone, sentAt + (m[3] ? 86_400_000 : 0));
  const promised = wallClockToInstant(zone, { year: day.year, month: day.month, day: day.day, hour: +m[1], minute: +m[2] });
  return promised > sentAt ? promised : undefined;
}

function directionOf(sender: MailAddress, config: Config): Direction {
  if (config.staffDomains.length === 0) {
    throw new EmailImportProblem('commlog.config.yaml lists no staff_domains, so the sender cannot be told from the client: add staff_domains or pass --direction');
  }
  return isStaffAddress(sender.address, config.staffDomains) ? 'outbound' : 'inbound';
}

function person(a: MailAddress): Person {
  return { name: a.name || a.address, email: a.address };
}

function mailboxText(a: MailAddress): string {
  return a.name && a.name !== a.address ? `${a.name.replace(/[<>"]/g, '')} <${a.address}>` : a.address;
}

/** Reply and forward prefixes in the languages mail clients write them. */
const SUBJECT_PREFIX = /^\s*(?:(?:re|fwd?|aw|wg|sv|vs|tr|rv|antw)\s*(?:\[\d+\])?\s*:\s*)+/i;

function summaryOf(message: EmailMessage, sender: MailAddress): string {
  const subject = message.subject.replace(SUBJECT_PREFIX, '').replace(/\s+/g, ' ').trim();
  const line = subject === '' ? `E-mail from ${sender.name || sender.address} (no subject)` : subject;
  return line.length <= MAX_SUMMARY ? line : `${line.slice(0, MAX_SUMMARY - 1).trimEnd()}…`;
}

function bodyOf(message: EmailMessage, direction: Direction, zone: string): string {
  const l = message.date === undefined ? undefined : instantToLocal(zone, message.date);
  const sent = l ? ` sent ${l.date} ${pad2(l.hour)}:${pad2(l.minute)}` : '';
  const lines = [`Imported from the e-mail "${message.subject || '(no subject)'}"${sent}${message.messageId ? ` (Message-ID \`${message.messageId}\`)` : ''}.`];
  if (message.attachments.length > 0) lines.push('', `Attachments: ${message.attachments.join(', ')}`);
  const text = message.text.trim();
  if (direction !== 'inbound' && text !== '') lines.push('', ...text.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)));
  return lines.join('\n');
}
