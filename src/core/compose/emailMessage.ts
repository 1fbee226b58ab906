// An e-mail as the log needs it: who, when, what was said. Produced from RFC 5322 by the mail
// adapter (src/node/readEmail.ts); turned into a log entry by ./emailEntry.ts.

export interface MailAddress {
  /** The display name, decoded; empty when the header gives none. */
  name: string;
  address: string;
}

export interface EmailMessage {
  /** Epoch ms of the Date header; undefined when there is none or it cannot be read. */
  date?: number;
  /** The Date header as written, when it is there but is not a date. */
  unreadableDate?: string;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /**
   * The whole text, quoted history included: the text/plain part, else the HTML part as text,
   * with its quotes as "> " lines and HISTORY_MARK (./replyText.ts) where a quoted header begins.
   * The client's own words are taken from it with the log at hand (./replyText.ts).
   */
  text: string;
  /** Without the angle brackets. */
  messageId?: string;
  /** Message-IDs this one answers, without angle brackets: In-Reply-To, then References from the nearest back. */
  replyTo: string[];
  /** File names of attachments. */
  attachments: string[];
  /** Set when a machine sent it (a bounce, an out-of-office reply): why we think so. */
  automatic?: string;
}
