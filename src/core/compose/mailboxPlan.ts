// `commlog import-mailbox` as a pure plan: which message of the support mailbox belongs to which
// incident, which are already in the log, which cannot be placed. The log is the memory: a
// message whose Message-ID an entry already records is never imported again, so a run that
// stopped half-way, or a second run, changes nothing that was done.
import type { Incident } from '../model.ts';

/** What the plan needs of one message in the mailbox (headers only; the body is read later). */
export interface MailboxMessage {
  /** The message's UID in its folder. */
  uid: number;
  /** Message-ID without `<>`; undefined when the message has none. */
  messageId?: string;
  subject: string;
  /** Message-IDs (without `<>`) of In-Reply-To, then References, nearest first. */
  replyTo: string[];
  /** Why the message cannot be read, when it cannot. */
  problem?: string;
}

export type MailboxDecision =
  | { action: 'import'; message: MailboxMessage; incidentId: string; matchedBy: 'subject tag' | 'reply to a logged message' }
  /** `file` is the entry that holds it; absent when an earlier message of the same run does. */
  | { action: 'already logged'; message: MailboxMessage; incidentId: string; file?: string; sameAs?: number }
  | { action: 'unmatched'; message: MailboxMessage; reason: string }
  | { action: 'malformed'; message: MailboxMessage; reason: string };

/** Strips the angle brackets and white space of a Message-ID header value. */
export function bareMessageId(value: string): string {
  return value.trim().replace(/^<|>$/g, '').trim();
}

/** Every Message-ID an incident id is known by: the ids its entries were imported from. */
function loggedMessages(incidents: readonly Incident[]): Map<string, { incidentId: string; file: string }> {
  const logged = new Map<string, { incidentId: string; file: string }>();
  for (const incident of incidents) {
    for (const entry of incident.entries) {
      if (entry.messageId !== undefined && !logged.has(entry.messageId)) logged.set(entry.messageId, { incidentId: incident.id, file: entry.file });
    }
  }
  return logged;
}

/** `[2026-11-02-acme-checkout-500]` anywhere in the subject, naming an incident that exists. */
function taggedIncident(subject: string, ids: ReadonlySet<string>): string | undefined {
  for (const match of subject.matchAll(/\[([^\]\s]+)\]/g)) {
    const id = match[1].toLowerCase();
    if (ids.has(id)) return id;
  }
  return undefined;
}

/**
 * Decides each message in order. A message is matched by an `[incident-id]` tag in its subject,
 * else by replying to a message already logged (or imported earlier in the same plan); a
 * message that repeats a Message-ID seen before is `already logged`.
 */
export function planMailboxImport(messages: readonly MailboxMessage[], incidents: readonly Incident[]): MailboxDecision[] {
  const ids = new Set(incidents.map((i) => i.id));
  const logged = loggedMessages(incidents);
  const planned = new Map<string, { incidentId: string; uid: number }>();
  return messages.map((message): MailboxDecision => {
    if (message.problem !== undefined) return { action: 'malformed', message, reason: message.problem };
    if (message.messageId === undefined) return { action: 'malformed', message, reason: 'it has no Message-ID, so a second run could not tell it was imported' };
    const done = logged.get(message.messageId);
    if (done) return { action: 'already logged', message, incidentId: done.incidentId, file: done.file };
    const twin = planned.get(message.messageId);
    if (twin !== undefined) return { action: 'already logged', message, incidentId: twin.incidentId, sameAs: twin.uid };

    const tagged = taggedIncident(message.subject, ids);
    const replied = tagged === undefined ? message.replyTo.map((id) => logged.get(id)?.incidentId ?? planned.get(id)?.incidentId).find((id) => id !== undefined) : undefined;
    const incidentId = tagged ?? replied;
    if (incidentId === undefined) {
      return { action: 'unmatched', message, reason: 'no [incident-id] in the subject and not a reply to a logged message' };
    }
    planned.set(message.messageId, { incidentId, uid: message.uid });
    return { action: 'import', message, incidentId, matchedBy: tagged !== undefined ? 'subject tag' : 'reply to a logged message' };
  });
}
