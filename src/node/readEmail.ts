// RFC 5322 mail -> EmailMessage. mailparser decodes MIME (multipart, quoted-printable, base64,
// RFC 2047 names, charsets); html-to-text turns an HTML-only message into text, keeping the
// structure that marks quoted history: blockquotes become "> " lines, and the containers mail
// clients put around a quoted header (Outlook's divRplyFwdMsg, Yahoo's yahoo_quoted…) become
// HISTORY_MARK. Which part of the text is the client's own words is decided in the core
// (replyText.ts), where the incident's log is at hand.
import { convert } from 'html-to-text';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { EmailMessage, MailAddress } from '../core/compose/emailMessage.ts';
import { HISTORY_MARK } from '../core/compose/replyText.ts';

/** Larger than any real message a client sends to support (mail servers refuse over 25–50 MB). */
export const MAX_EMAIL_BYTES = 50 * 1024 * 1024;

/** Why a file cannot be read as an e-mail (the command turns it into a usage error). */
export class EmailReadProblem extends Error {}

export async function readEmail(source: Buffer | string): Promise<EmailMessage> {
  const size = typeof source === 'string' ? Buffer.byteLength(source) : source.length;
  if (size > MAX_EMAIL_BYTES) throw new EmailReadProblem(`the e-mail is ${(size / 1024 / 1024).toFixed(0)} MB, over the ${MAX_EMAIL_BYTES / 1024 / 1024} MB limit: save the message without its attachments`);
  let mail: ParsedMail;
  try {
    mail = await simpleParser(source, { skipHtmlToText: true, skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, maxHtmlLengthToParse: 10 * 1024 * 1024 });
  } catch (error) {
    const reason = (error as Error).message;
    throw new EmailReadProblem(/child nodes/i.test(reason) ? 'the e-mail has too many MIME parts (or parts nested too deeply) to be read' : `the file cannot be read as an e-mail: ${reason}`);
  }
  const plain = mail.text?.trim() ? mail.text : mail.html ? htmlText(mail.html) : '';
  const rawDate = headerText(mail, 'date');
  const date = rawDate !== undefined && readableDate(rawDate) && mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.getTime() : undefined;
  return {
    date,
    unreadableDate: rawDate !== undefined && date === undefined ? rawDate : undefined,
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: (mail.subject ?? '').trim(),
    text: plain.replace(/\r\n?/g, '\n'),
    messageId: bare(mail.messageId),
    replyTo: replyTo(mail.inReplyTo, mail.references),
    attachments: mail.attachments.filter((a) => a.contentDisposition !== 'inline' || !a.contentType.startsWith('image/')).map((a) => a.filename ?? a.contentType),
    automatic: automaticReason(mail),
  };
}

function headerText(mail: ParsedMail, key: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === key)?.line;
  return line === undefined ? undefined : line.slice(line.indexOf(':') + 1).replace(/\s+/g, ' ').trim();
}

/** mailparser puts the time of parsing in place of a Date it cannot read: check the header itself. */
function readableDate(text: string): boolean {
  return !Number.isNaN(Date.parse(text.replace(/\([^()]*\)/g, ' ').trim()));
}

function bare(id: string | undefined): string | undefined {
  const trimmed = id?.trim().replace(/^<|>$/g, '').trim();
  return trimmed ? trimmed : undefined;
}

/** In-Reply-To, then References from the nearest back, without angle brackets. */
function replyTo(inReplyTo: string | undefined, references: string | string[] | undefined): string[] {
  const chain = [inReplyTo ?? '', ...[references ?? []].flat().reverse()].flatMap((value) => value.match(/<[^<>]+>/g) ?? []);
  return [...new Set(chain.map((id) => bare(id)!))];
}

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const out: MailAddress[] = [];
  const walk = (list: AddressObject['value']) => {
    for (const a of list) {
      if (a.group) walk(a.group);
      else if (a.address) out.push({ name: (a.name ?? '').trim(), address: a.address.trim() });
    }
  };
  for (const o of objects) walk(o.value);
  return out;
}

/** Subjects that machines write: out-of-office replies and delivery failures, in a few languages. */
const AUTOMATIC_SUBJECT =
  /^\s*(?:automatic reply|auto(?:matic)? ?response|autoreply|out of (?:the )?office|undeliverable|undelivered mail|delivery status notification|mail delivery (?:failed|failure|subsystem)|returned mail|abwesenheitsnotiz|automatische antwort|unzustellbar|réponse automatique|absence du bureau|respuesta automática|fuera de la oficina|automatisch antwoord|afwezig|automatiskt svar|fraværsmelding|risposta automatica)\b/i;

/** Why a machine sent this message (RFC 3834 Auto-Submitted, RFC 6522 reports, the headers of common responders), if it did. */
function automaticReason(mail: ParsedMail): string | undefined {
  const header = (key: string) => headerText(mail, key);
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted.toLowerCase() !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const type = mail.headers.get('content-type') as { value?: string } | undefined;
  if (type?.value?.toLowerCase() === 'multipart/report') return 'a delivery or read report (multipart/report)';
  for (const key of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-failed-recipients']) {
    const value = header(key);
    if (value !== undefined) return `${key.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())}: ${value}`;
  }
  const precedence = header('precedence')?.toLowerCase();
  if (precedence === 'auto_reply' || precedence === 'bulk' || precedence === 'junk') return `Precedence: ${precedence}`;
  const sender = addresses(mail.from)[0]?.address.toLowerCase() ?? '';
  if (/^(?:mailer-daemon|postmaster)@/.test(sender)) return `sent by ${sender}`;
  if (AUTOMATIC_SUBJECT.test(mail.subject ?? '')) return `the subject "${(mail.subject ?? '').trim()}"`;
  return undefined;
}

const HISTORY_CONTAINERS = [
  '#divRplyFwdMsg',
  '#appendonsend',
  'div.OutlookMessageHeader',
  'div[style*="border-top:solid #E1E1E1"]',
  'div[style*="border-top:solid #B5C4DF"]',
  'div[style*="border-top: solid #E1E1E1"]',
  'div.yahoo_quoted',
  'div#mail-editor-reference-message-container',
];

const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'hr', format: 'skip' },
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    ...HISTORY_CONTAINERS.map((selector) => ({ selector, format: 'historyMark' })),
  ],
  formatters: {
    historyMark: (_element: unknown, _walk: unknown, builder: { openBlock(): void; addLiteral(text: string): void; closeBlock(): void }) => {
      builder.openBlock();
      builder.addLiteral(HISTORY_MARK);
      builder.closeBlock();
    },
  },
};

function htmlText(html: string): string {
  return convert(html, HTML_OPTIONS as Parameters<typeof convert>[1]);
}
