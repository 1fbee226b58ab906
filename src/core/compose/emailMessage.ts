// An e-mail as the log needs it: who, when, what was said. Produced from RFC 5322 by the mail
// adapter (src/node/readEmail.ts); turned into a log entry by ./emailEntry.ts.

export interface MailAddress {
  /** The display name, decoded; empty when the header gives none. */
  name: string;
  address: string;
}

export interface EmailMessage {
  /** Epoch ms of the Date header; undefined when there is none. */
  date?: number;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** The new text of the message: quoted history and signature removed. */
  text: string;
  messageId?: string;
  /** Message-IDs this one replies to: In-Reply-To, then References from the nearest back. */
  replyTo: string[];
  /** File names of attachments. */
  attachments: string[];
}
