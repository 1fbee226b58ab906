// The e-mail drafts commlog writes to the client (`confirm`, `share-report`): who they go to, and
// one letter shape, rendered as Markdown for review and as the plain-text body of an e-mail.
import type { Person } from '../schema/values.ts';
import { addressOf, mailbox, uniqueMailboxes } from './person.ts';

export interface Letter {
  subject: string;
  /** Mailboxes of the contacts who have an address. */
  to: string[];
  /** The copied mailboxes (the project manager first), without the addresses already in `to`. */
  cc: string[];
  /** Contacts without an e-mail address: the draft cannot reach them. */
  unreachable: string[];
  markdown: string;
  text: string;
}

export function recipients(contacts: readonly Person[], copied: readonly string[]): Pick<Letter, 'to' | 'cc' | 'unreachable'> {
  const to = uniqueMailboxes(contacts.map(mailbox).filter((m): m is string => m !== undefined));
  const inTo = new Set(to.map(addressOf));
  const cc = uniqueMailboxes(copied).filter((m) => !inTo.has(addressOf(m)));
  const unreachable = contacts.filter((p) => !p.email).map((p) => p.name);
  return { to, cc, unreachable };
}

export interface LetterParts {
  subject: string;
  to: string[];
  cc: string[];
  /** Greeted by first name. */
  addressees: readonly Person[];
  opening: string;
  /** The middle of the letter as Markdown lines, and as plain-text lines. */
  body: { markdown: string[]; text: string[] };
  author: string;
}

export function letterTexts(parts: LetterParts): Pick<Letter, 'markdown' | 'text'> {
  const greeting = `Hello ${parts.addressees.map((p) => p.name.split(/\s+/)[0]).join(', ') || 'all'},`;
  const closing = ['Kind regards,', parts.author];
  const markdown = [
    `# ${parts.subject}`,
    '',
    `**To:** ${parts.to.join(', ') || '(no e-mail address)'}  `,
    `**Cc:** ${parts.cc.join(', ') || '—'}`,
    '',
    greeting,
    '',
    parts.opening,
    '',
    ...parts.body.markdown,
    ...closing.map((l, i) => (i < closing.length - 1 ? `${l}  ` : l)),
    '',
  ].join('\n');
  const text = [greeting, '', parts.opening, '', ...parts.body.text, ...closing, ''].join('\n');
  return { markdown, text };
}
