// An e-mail draft as a .eml file (RFC 5322, MIME, UTF-8 text/plain), built by nodemailer's
// MailComposer. `X-Unsent: 1` makes Outlook and other clients open it as a draft to send.
import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmailDraft {
  from?: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  date: Date;
}

export async function emlDraft(draft: EmailDraft): Promise<string> {
  const composer = new MailComposer({
    from: draft.from,
    to: draft.to,
    cc: draft.cc,
    subject: draft.subject,
    text: draft.text,
    date: draft.date,
    textEncoding: 'quoted-printable',
    headers: { 'X-Unsent': '1' },
  });
  const message = await composer.compile().build();
  return message.toString('utf8');
}
