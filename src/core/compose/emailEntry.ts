// `commlog import-email`: an e-mail -> a log entry. Direction from whether the sender is staff
// (config `staff_domains`); contact and cc from the headers; summary from the subject; the new
// text of the message (no quoted history, ./replyText.ts) as the client's own words on inbound
// mail, quoted in the body on outbound mail. The entry records what the mail said: the PM is not
// added to cc, and `next_update_by` is only what the mail itself promised ("next update by 14:00").
// Pure: it takes the incident with its entries (the log is what tells history from new words,
// and which Message-IDs are already imported), so import-mailbox builds on the same function.
import emailAddresses from 'email-addresses';
import type { Config } from '../config/config.ts';
import type { Incident } from '../model.ts';
import type { Direction, Kind, Person } from '../schema/values.ts';
import { instantToLocal, pad2, wallClockToInstant } from '../time/zone.ts';
import type { EntryDraft } from './entry.ts';
import type { EmailMessage, MailAddress } from './emailMessage.ts';
import { replyText } from './replyText.ts';

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

/** An entry drafted from an e-mail, with what the person importing it should check. */
export interface EmailEntryDraft extends EntryDraft {
  /** Things the importer decided that a person should look at (printed by the command). */
  notes: string[];
}

const MAX_SUMMARY = 300;
/** The client's words kept in `verbatim` (and our words quoted in the body): longer text is cut, with a note. */
export const MAX_QUOTED_TEXT = 20_000;
/** Text looked at for the reply: the client's words come first, the rest is history. */
const MAX_TEXT_READ = 200_000;

/** A syntactically valid address (RFC 5322 addr-spec), lower-cased domain; undefined otherwise. */
function parsedAddress(address: string): { local: string; domain: string } | undefined {
  const parsed = emailAddresses.parseOneAddress({ input: address, rfc6532: true, rejectTLD: false });
  if (!parsed || parsed.type !== 'mailbox' || parsed.name || parsed.address !== address.trim()) return undefined;
  return { local: parsed.local, domain: parsed.domain.toLowerCase() };
}

/** Whether an address is a valid address at one of the staff domains (or their subdomains). */
export function isStaffAddress(address: string, staffDomains: readonly string[]): boolean {
  const parsed = parsedAddress(address);
  if (!parsed) return false;
  return staffDomains.some((d) => {
    const staff = d.toLowerCase().replace(/^@/, '');
    return parsed.domain === staff || parsed.domain.endsWith(`.${staff}`);
  });
}

export function entryFromEmail(message: EmailMessage, incident: Incident, config: Config, options: EmailImportOptions = {}): EmailEntryDraft {
  const notes: string[] = [];
  const messageId = message.messageId;
  const imported = messageId === undefined ? undefined : incident.entries.find((e) => e.messageId === messageId);
  if (imported) throw new EmailImportProblem(`this e-mail (Message-ID <${messageId}>) is already in the log as ${imported.name}`);
  if (message.automatic !== undefined && options.direction !== 'internal') {
    throw new EmailImportProblem(`a machine sent this e-mail (${message.automatic}): a bounce or an automatic reply is not the client's words; pass --direction internal to log it as an internal note`);
  }
  const at = options.at ?? message.date;
  if (at === undefined) {
    throw new EmailImportProblem(
      message.unreadableDate === undefined
        ? 'the e-mail has no Date header: pass --at with the time it was sent'
        : `the e-mail's Date header "${message.unreadableDate.slice(0, 80)}" is not a date: pass --at with the time it was sent`,
    );
  }
  const sender = message.from[0];
  if (!sender) throw new EmailImportProblem('the e-mail has no From address');
  if (!parsedAddress(sender.address) && options.direction === undefined) {
    throw new EmailImportProblem(`the From address "${sender.address}" is not a valid e-mail address, so the sender cannot be told from the client: pass --direction`);
  }
  const direction = options.direction ?? directionOf(sender, config);
  const staff = (a: MailAddress) => isStaffAddress(a.address, config.staffDomains);
  const others = (list: MailAddress[]) => list.filter((a) => !staff(a));

  let contacts: MailAddress[];
  if (direction === 'inbound') contacts = [sender];
  else if (direction === 'outbound') contacts = others(message.to).length > 0 ? others(message.to) : message.to;
  else contacts = [];
  if (direction !== 'internal' && contacts.length === 0) throw new EmailImportProblem('the e-mail has no recipient to log as the contact');

  const author = options.author ?? (direction !== 'inbound' && staff(sender) ? sender.address.slice(0, sender.address.lastIndexOf('@')).toLowerCase() : incident.owner);
  if (!author) throw new EmailImportProblem(`pass --author: incidents/${incident.id} names no owner to default to`);

  const texts = (entries: Incident['entries']) => entries.flatMap((e) => [e.body, e.verbatim ?? '']);
  const answered = incident.entries.filter((e) => e.messageId !== undefined && message.replyTo.includes(e.messageId));
  const fullText = replyText(message.text.slice(0, MAX_TEXT_READ), { earlierTexts: texts(incident.entries), answeredTexts: texts(answered) });
  const text = capped(fullText);
  if (text !== fullText) notes.push(`the text is ${fullText.length} characters long: the entry keeps the first ${MAX_QUOTED_TEXT}`);
  const trusted = contacts.map((a) => trustedPerson(a, config, incident, notes));
  return {
    at,
    direction,
    channel: 'email',
    contacts: trusted,
    author,
    summary: summaryOf(message, sender),
    kind: options.kind,
    cc: message.cc.map((a) => mailboxText(a, config, incident)),
    nextUpdateBy: direction === 'outbound' ? promisedNextUpdate(text, at, incident.zone) : undefined,
    verbatim: direction === 'inbound' && text !== '' ? text : undefined,
    category: options.category,
    body: bodyOf(message, direction, incident.zone, text, text !== fullText),
    messageId,
    notes,
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

/**
 * The names of our own people the incident knows (its owner, backup and PM, the authors of its
 * entries): a sender outside staff_domains who uses one of them is not taken at their word.
 */
function staffNames(incident: Incident): string[] {
  const handles = [incident.owner, incident.backup, incident.pm.name, ...incident.entries.map((e) => e.author)];
  return handles.filter((h): h is string => Boolean(h)).map(nameKey);
}

const nameKey = (name: string) => name.toLowerCase().replace(/[._-]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Why a display name cannot be trusted, if it cannot: it holds an address other than the
 * sender's, names one of our staff domains, calls itself staff, or is the name of one of our
 * people while the address is not ours.
 */
export function displayNameSpoof(a: MailAddress, config: Config, incident: Incident): string | undefined {
  if (!a.name || isStaffAddress(a.address, config.staffDomains)) return undefined;
  const name = a.name.toLowerCase();
  const addressesInName = name.match(/[^\s<>()"']+@[^\s<>()"']+/g) ?? [];
  if (addressesInName.some((x) => x !== a.address.toLowerCase())) return 'it holds another e-mail address';
  if (config.staffDomains.some((d) => name.includes(d.toLowerCase().replace(/^@/, '')))) return 'it names our domain';
  if (/\b(?:staff|support|team|admin|helpdesk|service ?desk)\b/.test(name)) return 'it calls itself staff or support';
  if (staffNames(incident).includes(nameKey(a.name.replace(/\s*\([^)]*\)\s*/g, ' ')))) return 'it is the name of one of our people';
  return undefined;
}

function trustedPerson(a: MailAddress, config: Config, incident: Incident, notes: string[]): Person {
  const spoof = displayNameSpoof(a, config, incident);
  if (spoof) {
    notes.push(`the display name "${a.name}" of ${a.address} is not used (${spoof}, but the address is not ours): the contact is recorded by address`);
    return { name: a.address, email: a.address };
  }
  return { name: a.name || a.address, email: a.address };
}

function mailboxText(a: MailAddress, config: Config, incident: Incident): string {
  const name = a.name.replace(/[<>"\\\r\n]/g, '').trim();
  return name && name !== a.address && !displayNameSpoof(a, config, incident) ? `${name} <${a.address}>` : a.address;
}

/** Reply and forward prefixes in the languages mail clients write them. */
const SUBJECT_PREFIX = /^\s*(?:(?:re|fwd?|aw|wg|sv|vs|tr|rv|antw|odp|ynt|atb|res|enc)\s*(?:\[\d+\])?\s*[:：]\s*)+/i;

function summaryOf(message: EmailMessage, sender: MailAddress): string {
  const subject = message.subject.replace(SUBJECT_PREFIX, '').replace(/\s+/g, ' ').trim();
  const line = subject === '' ? `E-mail from ${sender.name || sender.address} (no subject)` : subject;
  return line.length <= MAX_SUMMARY ? line : `${line.slice(0, MAX_SUMMARY - 1).trimEnd()}…`;
}

/** At most MAX_QUOTED_TEXT characters, cut at a line or word end. */
function capped(text: string): string {
  if (text.length <= MAX_QUOTED_TEXT) return text;
  const head = text.slice(0, MAX_QUOTED_TEXT);
  const cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(' '));
  return `${(cut > MAX_QUOTED_TEXT / 2 ? head.slice(0, cut) : head).trimEnd()} …`;
}

/** Text written into Markdown as plain text: no link, image, HTML or emphasis can come from it. */
export function markdownInline(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[\\`*_{}[\]()<>#!|~&]/g, (c) => `\\${c}`);
}

/** A code span that holds any text: its fence is longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

function bodyOf(message: EmailMessage, direction: Direction, zone: string, text: string, cut: boolean): string {
  const l = message.date === undefined ? undefined : instantToLocal(zone, message.date);
  const sent = l ? ` sent ${l.date} ${pad2(l.hour)}:${pad2(l.minute)}` : '';
  const subject = markdownInline(message.subject || '(no subject)');
  const lines = [`Imported from the e-mail "${subject}"${sent}${message.messageId ? ` (Message-ID ${codeSpan(`<${message.messageId}>`)})` : ''}.`];
  if (message.attachments.length > 0) lines.push('', `Attachments: ${message.attachments.map(markdownInline).join(', ')}`);
  if (cut) lines.push('', `The text is cut at ${MAX_QUOTED_TEXT} characters: the whole of it is in the e-mail.`);
  if (direction !== 'inbound' && text !== '') lines.push('', ...text.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)));
  return lines.join('\n');
}
