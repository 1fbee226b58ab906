// What an incident page shows, built from the incident loaded through the core: published
// entries only, every finding placed at its due time, commitments with their state, feedback,
// the report rendered. Built in a loader worker and handed to the page through a cache file, so
// no body is held in memory for the whole build.
import { commitmentStates } from '../core/cadence/commitments.ts';
import { cadenceContext, inLogOrder } from '../core/cadence/context.ts';
import { policyOf, type Config, type RequiredHeading } from '../core/config/config.ts';
import { policyLabel } from './policyView.ts';
import { RULES, type Finding } from '../core/findings.ts';
import type { Commitment, Incident, LogEntry } from '../core/model.ts';
import type { Person } from '../core/schema/values.ts';
import { renderMarkdown } from '../core/render/markdown.ts';
import type { ReportDocument } from '../core/report/reportDocument.ts';
import { reportSections, sectionWithRole } from '../core/report/sections.ts';
import { redactContacts } from '../core/render/redact.ts';
import { clockTime, formatElapsed, localTime } from './format.ts';
import { readerSummary, type ReaderSummary } from './incidentSummary.ts';
import { entryAnchor, promiseLedger, type PromiseLedger } from './promiseLedger.ts';
import { reportDigest } from './reportDigest.ts';

/**
 * Who the site is built for (the integration's `audience` option, docs/decisions.md): the team's
 * internal archive shows the checker's findings with their rule ids, marked internal; a public
 * site, such as a client's own, shows the promise ledger in the client's words only.
 */
export type Audience = 'internal' | 'public';

/** A finding as the team reads it: the checker's message and rule id (internal audience only). */
export interface InternalFinding {
  message: string;
  rule: string;
  /** The rule's section of docs/rules.md (Finding.docs), linked from the rule id. */
  docs: string;
}

/** What the page says about an entry: public wording, and for the team the finding itself. */
export interface EntryNote {
  text?: string;
  internal?: InternalFinding;
}

/**
 * The sections of an incident page in their order, with their anchors: "On this page" lists
 * them, and a search result that matched a section's text leads to its anchor (searchRecords.ts).
 */
export const INCIDENT_SECTIONS = {
  whatHappened: { id: 'what-happened', label: 'What happened' },
  promises: { id: 'promises', label: 'Promises to the client' },
  timeline: { id: 'timeline', label: 'Communication timeline' },
  commitments: { id: 'commitments', label: 'Commitments' },
  feedback: { id: 'feedback', label: 'Client feedback' },
  report: { id: 'report', label: 'Incident report' },
  related: { id: 'related', label: 'Related incidents' },
} as const;

export interface TimelineEntry {
  kind: 'entry';
  at: number;
  time: string;
  direction: LogEntry['direction'];
  channel: string;
  entryKind: string;
  name: string;
  /** The entry's anchor on the page (its permalink). */
  anchor: string;
  summary: string;
  author: string;
  contacts: string[];
  /** Since the previous update (outbound entry), for updates. */
  gap?: string;
  nextUpdateBy?: string;
  priority?: string;
  verbatim?: string;
  rating?: number;
  comment?: string;
  corrects?: string;
  bodyHtml: string;
  /** Findings without a due time that concern this entry (missing next update, PM not copied). */
  notes: EntryNote[];
}

export interface TimelineFinding {
  kind: 'finding';
  at: number;
  time: string;
  label: string;
  internal?: InternalFinding;
}

export type TimelineItem = TimelineEntry | TimelineFinding;

export interface CommitmentView {
  id: string;
  action: string;
  owner: string;
  due?: string;
  state: 'done' | 'overdue' | 'open';
  doneAt?: string;
}

export interface QuoteView {
  at: string;
  text: string;
  rating?: number;
  comment?: string;
}

/** The incident's own fields the page shows. */
export interface IncidentHeader {
  id: string;
  dir: string;
  title: string;
  client: string;
  openedAt: number;
  resolvedAt?: number;
  status: Incident['status'];
  /** In force at End, as `check` reports it. */
  priority: Incident['priority'];
  /** incident.md's `priority`: the one at opening. */
  priorityAtOpening: Incident['priority'];
  severity?: Incident['severity'];
  owner?: string;
  backup?: string;
  category?: string;
  tags: string[];
}

/** Plain data (it crosses from the loader workers to the page through a cache file). */
export interface IncidentView {
  incident: IncidentHeader;
  zone: string;
  timeline: TimelineItem[];
  /** Findings with neither a due time nor a published entry to attach to (internal audience only). */
  otherFindings: InternalFinding[];
  audience: Audience;
  summary: ReaderSummary;
  ledger: PromiseLedger;
  commitments: CommitmentView[];
  quotes: QuoteView[];
  bodyHtml: string;
  /** The report rendered, the content of its timeline section a part of its own (the printout leaves it out). */
  report?: ReportPart[];
  reporter: string;
  pm: string;
  /** Which policy judged the incident (policies.md), e.g. "contract: Meridian Freight, policy since 1 Sep 2026 — Support contract v2". */
  policy: string;
}

/** `morning update due (…)`: the rule's due label, named by its window or commitment. */
function dueLabel(f: Finding): string {
  const base = RULES[f.rule].dueLabel ?? `${f.rule} due`;
  const named = f.window ? `${f.window} ${base}` : base;
  return f.commitment ? `${named} (${f.commitment})` : named;
}

export function personText(p: Person, contactDetails: boolean): string {
  const parts = [p.name];
  if (p.role) parts.push(p.role);
  if (p.org) parts.push(p.org);
  let text = parts.join(', ');
  if (contactDetails) {
    const contact = [p.email, p.phone].filter(Boolean).join(', ');
    if (contact) text += ` (${contact})`;
  }
  return text;
}

/** The public wording of a finding about one entry; undefined: not for the client's eyes (cc-pm). */
const PUBLIC_NOTE: Partial<Record<Finding['rule'], string>> = {
  'next-update-missing': 'This update named no time for the next one.',
};

/** Validity findings about how the team judged and wrote, not about its files: internal notes on the page. */
const CONDUCT_RULES: ReadonlySet<string> = new Set(['priority-triage', 'report-blame']);

export function buildView(incident: Incident, findings: readonly Finding[], config: Config, now: number, audience: Audience = 'internal'): IncidentView {
  const forTeam = audience === 'internal';
  const contactDetails = config.publish.contactDetails;
  const redact = contactDetails ? (s: string) => s : redactContacts;
  const zone = incident.zone;
  const published = incident.entries.filter((e) => !e.internal);
  const publishedFiles = new Set(published.map((e) => e.file));
  const timeline: TimelineItem[] = [];
  const otherFindings: InternalFinding[] = [];
  const notesByFile = new Map<string, EntryNote[]>();
  for (const found of findings) {
    // Readers see how we kept the communication policy; problems of the files themselves
    // (validity findings) are for the maintainers and `commlog check`, except the quality
    // checks of the team's conduct that are validity findings (quality.md).
    if (RULES[found.rule].family !== 'compliance' && !CONDUCT_RULES.has(found.rule)) continue;
    // Messages may quote addresses (the PM's in cc-pm): withheld like any other text.
    const f = { ...found, message: redact(found.message) };
    const internal = forTeam ? { message: f.message, rule: f.rule, docs: f.docs } : undefined;
    if (f.due !== undefined) {
      timeline.push({ kind: 'finding', at: f.due, time: localTime(f.due, zone), label: `${dueLabel(f)} ${clockTime(f.due, zone)} — missed`, internal });
    } else if (publishedFiles.has(f.file)) {
      const note = { text: PUBLIC_NOTE[f.rule], internal };
      if (!note.text && !note.internal) continue;
      const notes = notesByFile.get(f.file);
      if (notes) notes.push(note);
      else notesByFile.set(f.file, [note]);
    } else if (internal) {
      otherFindings.push(internal);
    }
  }
  let previousUpdate: number | undefined;
  for (const e of published) {
    const isUpdate = e.direction === 'outbound' && e.at >= incident.openedAt;
    timeline.push({
      kind: 'entry',
      at: e.at,
      time: localTime(e.at, zone),
      direction: e.direction,
      channel: e.channel,
      entryKind: e.kind,
      name: e.name,
      anchor: entryAnchor(e.name),
      summary: redact(e.summary),
      author: e.author,
      contacts: e.contacts.map((p) => personText(p, contactDetails)),
      gap: isUpdate && previousUpdate !== undefined ? formatElapsed(e.at - previousUpdate) : undefined,
      nextUpdateBy: e.nextUpdateBy === undefined ? undefined : localTime(e.nextUpdateBy, zone),
      priority: e.priority,
      verbatim: e.verbatim === undefined ? undefined : redact(e.verbatim.trim()),
      rating: e.feedback?.rating,
      comment: e.feedback?.comment === undefined ? undefined : redact(e.feedback.comment.trim()),
      corrects: e.corrects,
      bodyHtml: e.body.trim() ? renderMarkdown(e.body, { contactDetails, headingOffset: 3 }) : '',
      notes: notesByFile.get(e.file) ?? [],
    });
    if (isUpdate) previousUpdate = e.at;
  }
  // Entries and findings by time; at equal times the entry first (it is what happened).
  timeline.sort((x, y) => x.at - y.at || (x.kind === y.kind ? 0 : x.kind === 'entry' ? -1 : 1));
  const ctx = cadenceContext(incident, { config, now });
  const digest = incident.report ? reportDigest(incident.report, config.requiredHeadings, redact) : undefined;

  return {
    incident: {
      id: incident.id,
      dir: incident.dir,
      title: redact(incident.title),
      client: incident.client,
      openedAt: incident.openedAt,
      resolvedAt: incident.resolvedAt,
      status: incident.status,
      priority: ctx.priorityInForce,
      priorityAtOpening: ctx.priorityAtOpening,
      severity: incident.severity,
      owner: incident.owner,
      backup: incident.backup,
      category: incident.category,
      tags: incident.tags,
    },
    zone,
    timeline,
    otherFindings,
    audience,
    summary: readerSummary(ctx, digest),
    ledger: promiseLedger(ctx),
    commitments: commitmentsOf(incident, published, now, redact),
    quotes: published
      .filter((e) => e.verbatim !== undefined || e.feedback !== undefined)
      .map((e) => ({
        at: localTime(e.at, zone),
        text: e.verbatim === undefined ? '' : redact(e.verbatim.trim()),
        rating: e.feedback?.rating,
        comment: e.feedback?.comment === undefined ? undefined : redact(e.feedback.comment.trim()),
      })),
    bodyHtml: renderMarkdown(incident.body, { contactDetails, headingOffset: 2 }),
    report: incident.report ? reportParts(incident.report, config.requiredHeadings, contactDetails) : undefined,
    reporter: personText(incident.reporter, contactDetails),
    pm: personText(incident.pm, contactDetails),
    policy: policyLabel(policyOf(config, incident), config),
  };
}

export interface ReportPart {
  html: string;
  /** The content of the report's timeline section (under its heading). */
  timeline?: boolean;
}

/**
 * The report in up to three parts, cut at the lines where its timeline section's content starts
 * and ends (a heading always starts a block, so no block is cut): the printout for the client
 * leaves that content out, as the communication timeline above it has the same steps.
 */
function reportParts(report: ReportDocument, required: readonly RequiredHeading[], contactDetails: boolean): ReportPart[] {
  const render = (markdown: string) => (markdown.trim() ? renderMarkdown(markdown, { contactDetails, headingOffset: 2 }) : '');
  const timeline = sectionWithRole(reportSections(report, required), 'timeline');
  if (!timeline || timeline.empty) return [{ html: render(report.body) }];
  const lines = report.body.split(/\r\n|\r|\n/);
  const start = timeline.heading.endLine + 1 - report.bodyLine;
  const end = timeline.endLine + 1 - report.bodyLine;
  const parts = [
    { html: render(lines.slice(0, start).join('\n')) },
    { html: render(lines.slice(start, end).join('\n')), timeline: true },
    { html: render(lines.slice(end).join('\n')) },
  ];
  return parts.filter((p) => p.html);
}

function commitmentsOf(incident: Incident, published: readonly LogEntry[], now: number, redact: (s: string) => string): CommitmentView[] {
  const out: CommitmentView[] = [];
  const zone = incident.zone;
  const shown = new Set<Commitment>(published.flatMap((e) => e.commitments));
  // The core's reading of `done` (cadence/commitments.ts), internal entries included.
  for (const { commitment: c, doneAt } of commitmentStates(inLogOrder(incident.entries))) {
    if (!shown.has(c)) continue;
    const state = doneAt !== undefined ? 'done' : c.due !== undefined && now > c.due ? 'overdue' : 'open';
    out.push({
      id: c.id,
      action: redact(c.action),
      owner: c.owner,
      due: c.due === undefined ? undefined : localTime(c.due, zone),
      state,
      doneAt: doneAt === undefined ? undefined : localTime(doneAt, zone),
    });
  }
  return out;
}
