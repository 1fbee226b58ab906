// RFC 5322 mail -> EmailMessage. mailparser decodes MIME (multipart, quoted-printable, base64,
// RFC 2047 names, charsets) and turns an HTML-only message into text; email-reply-parser then
// keeps only the new text, dropping quoted history ("On … wrote:", Outlook's "From: … Sent:"
// block, "> " lines) and the signature. HTML-only mail is converted here rather than by
// mailparser, without wrapping lines at 80 columns and without rules and images.
import EmailReplyParser from 'email-reply-parser';
import { convert } from 'html-to-text';
import { simpleParser, type AddressObject } from 'mailparser';
import type { EmailMessage, MailAddress } from '../core/compose/emailMessage.ts';

export async function readEmail(source: Buffer | string): Promise<EmailMessage> {
  const mail = await simpleParser(source, { skipHtmlToText: true, skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const plain = mail.text?.trim() ? mail.text : mail.html ? htmlText(mail.html) : '';
  const text = plain.replace(/\r\n?/g, '\n');
  return {
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.getTime() : undefined,
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: (mail.subject ?? '').trim(),
    text: newText(text),
    messageId: mail.messageId,
    replyTo: replyTo(mail.inReplyTo, mail.references),
    attachments: mail.attachments.filter((a) => a.contentDisposition !== 'inline' || !a.contentType.startsWith('image/')).map((a) => a.filename ?? a.contentType),
  };
}

function replyTo(inReplyTo: string | undefined, references: string | string[] | undefined): string[] {
  const chain = [inReplyTo ?? '', ...[references ?? []].flat().reverse()].flatMap((value) => value.match(/<[^<>]+>/g) ?? []);
  return [...new Set(chain)];
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

const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'hr', format: 'skip' },
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
  ],
};

function htmlText(html: string): string {
  return convert(html, HTML_OPTIONS);
}

/** The reply without the history it quotes. */
function newText(text: string): string {
  const visible = new EmailReplyParser().read(text).getVisibleText();
  return visible.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
}
