// What of a loaded incident may be published: the one place where the site's inputs are made
// safe, so no page, export or search record can forget a field. Every displayed string has its
// contact details withheld (unless `publish.contact_details`) and its bidi controls shown;
// people lose their e-mail and phone; internal entries keep only what the metrics need (when,
// which direction, which public commitments they fulfilled); and findings that would quote an
// internal entry (a commitment made there, a problem of that file) are not published.
import type { Config } from '../config/config.ts';
import type { Finding } from '../findings.ts';
import type { Commitment, Incident, LogEntry } from '../model.ts';
import { redactContacts } from '../render/redact.ts';
import type { ReportDocument } from '../report/reportDocument.ts';
import type { Person } from '../schema/values.ts';
import { showBidiControls } from './displayText.ts';

export interface Publication {
  incident: Incident;
  /** The incident's findings that may be shown, messages made safe. */
  findings: Finding[];
}

type Text = (text: string) => string;

/** How a person given only by a contact detail is shown (docs/decisions.md). */
export const UNNAMED_CONTACT = 'a contact';

function displayText(contactDetails: boolean): Text {
  return contactDetails ? showBidiControls : (s) => showBidiControls(redactContacts(s));
}

/**
 * A name as written in a person field: `Ana Silva <ana@x.example>` is shown as "Ana Silva"; a
 * name that is only an address or a number becomes "a contact" (of its organisation when known),
 * never the address's domain, which can be a person's own.
 */
export function publicName(name: string, org: string | undefined, text: Text): string {
  const withoutAddress = name.replace(/<[^<>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  const shown = text(withoutAddress);
  const remainder = shown.replace(/\[(?:e-mail|phone) withheld\]/g, '').replace(/[\s,;:()"'<>-]+/g, '');
  if (remainder !== '') return shown;
  return org ? `${UNNAMED_CONTACT} at ${text(org)}` : UNNAMED_CONTACT;
}

function publicPerson(p: Person, contactDetails: boolean, text: Text): Person {
  if (contactDetails) {
    return { name: text(p.name), org: p.org && text(p.org), email: p.email, phone: p.phone, role: p.role && text(p.role) };
  }
  return { name: publicName(p.name, p.org, text), org: p.org && text(p.org), role: p.role && text(p.role) };
}

/** A staff handle (author, owner, backup): shown like a person's name. */
function publicHandle(handle: string, contactDetails: boolean, text: Text): string {
  return contactDetails ? text(handle) : publicName(handle, undefined, text);
}

function publicCommitment(c: Commitment, contactDetails: boolean, text: Text): Commitment {
  const owner = c.owner === 'us' || c.owner === 'client' ? c.owner : publicHandle(c.owner, contactDetails, text);
  return { ...c, file: text(c.file), action: text(c.action), owner };
}

function publicEntry(e: LogEntry, contactDetails: boolean, text: Text): LogEntry {
  return {
    ...e,
    file: text(e.file),
    name: text(e.name),
    contacts: e.contacts.map((p) => publicPerson(p, contactDetails, text)),
    author: publicHandle(e.author, contactDetails, text),
    summary: text(e.summary),
    cc: contactDetails ? e.cc : [],
    commitments: e.commitments.map((c) => publicCommitment(c, contactDetails, text)),
    feedback: e.feedback && { rating: e.feedback.rating, comment: e.feedback.comment === undefined ? undefined : text(e.feedback.comment) },
    verbatim: e.verbatim === undefined ? undefined : text(e.verbatim),
    category: e.category === undefined ? undefined : text(e.category),
    corrects: e.corrects === undefined ? undefined : text(e.corrects),
    body: text(e.body),
  };
}

/** An internal entry reduced to when it happened and what it changed that the metrics count. */
function hollowEntry(e: LogEntry, publicCommitmentIds: ReadonlySet<string>, text: Text): LogEntry {
  return {
    file: text(e.file),
    name: '',
    keyLines: {},
    at: e.at,
    direction: e.direction,
    channel: e.channel,
    kind: e.kind,
    contacts: [],
    author: '',
    summary: '',
    cc: [],
    nextUpdateBy: e.nextUpdateBy,
    priority: e.priority,
    awaiting: e.awaiting,
    commitments: [],
    done: e.done.filter((id) => publicCommitmentIds.has(id)),
    internal: true,
    body: '',
    bodyLine: 1,
  };
}

function publicReport(report: ReportDocument, text: Text): ReportDocument {
  const fm = report.frontmatter;
  return {
    ...report,
    frontmatter: {
      severity: fm.severity,
      root_cause_category: fm.root_cause_category === undefined ? undefined : text(fm.root_cause_category),
      tags: fm.tags?.map(text),
    },
    body: text(report.body),
    headings: report.headings.map((h) => ({ ...h, text: text(h.text) })),
    tasks: report.tasks.map((t) => ({ ...t, text: text(t.text) })),
  };
}

/** The publishable form of an incident and its findings (computed on the whole incident). */
export function publication(incident: Incident, findings: readonly Finding[], config: Config): Publication {
  const contactDetails = config.publish.contactDetails;
  const text = displayText(contactDetails);
  const internalFiles = new Set(incident.entries.filter((e) => e.internal).map((e) => e.file));
  const internalCommitments = new Set(incident.entries.filter((e) => e.internal).flatMap((e) => e.commitments.map((c) => c.id)));
  const publicCommitmentIds = new Set(incident.entries.filter((e) => !e.internal).flatMap((e) => e.commitments.map((c) => c.id)));
  return {
    incident: {
      ...incident,
      title: text(incident.title),
      client: text(incident.client),
      reporter: publicPerson(incident.reporter, contactDetails, text),
      pm: publicPerson(incident.pm, contactDetails, text),
      owner: incident.owner === undefined ? undefined : publicHandle(incident.owner, contactDetails, text),
      backup: incident.backup === undefined ? undefined : publicHandle(incident.backup, contactDetails, text),
      category: incident.category === undefined ? undefined : text(incident.category),
      tags: incident.tags.map(text),
      body: text(incident.body),
      entries: incident.entries.map((e) => (e.internal ? hollowEntry(e, publicCommitmentIds, text) : publicEntry(e, contactDetails, text))),
      report: incident.report && publicReport(incident.report, text),
    },
    findings: findings
      .filter((f) => !internalFiles.has(f.file) && !(f.commitment !== undefined && internalCommitments.has(f.commitment)))
      .map((f) => ({ ...f, file: text(f.file), message: text(f.message) })),
  };
}
