// The text of an incident for the full-text search index: what its page shows (title,
// description, published entries, the report), as plain text with contact details withheld.
import type { Incident } from '../core/model.ts';
import { redactContacts } from '../core/render/redact.ts';
import { instantToLocal } from '../core/time/zone.ts';
import type { ArchiveIncident } from './archiveIncident.ts';
import { markdownText } from './excerpt.ts';
import { rowMeta } from './rowMeta.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export function searchRecord(incident: Incident, facts: ArchiveIncident, base: string, contactDetails: boolean): SearchRecord {
  const redact = contactDetails ? (s: string) => s : redactContacts;
  const parts = [incident.title, incident.client, incident.category ?? '', markdownText(incident.body)];
  for (const e of incident.entries) {
    if (e.internal) continue;
    parts.push(e.summary);
    if (e.verbatim) parts.push(e.verbatim);
    if (e.feedback?.comment) parts.push(e.feedback.comment);
    for (const c of e.commitments) parts.push(c.action);
    if (e.body) parts.push(markdownText(e.body));
  }
  if (incident.report) parts.push(markdownText(incident.report.body));
  const local = instantToLocal(incident.zone, incident.openedAt);
  const filters: Record<string, string[]> = {
    status: [incident.status],
    priority: [facts.priority],
    client: [incident.client],
    year: [String(local.year)],
  };
  if (incident.severity) filters.severity = [incident.severity];
  if (incident.category) filters.category = [incident.category];
  return {
    url: `${base}incidents/${incident.id}/`,
    content: redact(parts.filter(Boolean).join('\n')),
    language: 'en',
    meta: rowMeta(facts, local.date) as unknown as Record<string, string>,
    filters,
  };
}
