// The search record of an incident: an HTML document for Pagefind with the text its page shows
// (title, description, published entries, commitments, the report), contact details withheld.
// Each part is a block whose id is its anchor on the incident page (an entry's permalink, a
// section's heading), so that Pagefind splits a result into sub-results by anchor and a search
// leads to the entry or section that matched. Blocks rather than headings: a heading's words
// would weigh more than the rest and its label would be indexed; `data-pagefind-title` names an
// anchor without indexing anything.
import type { Incident } from '../core/model.ts';
import { redactContacts } from '../core/render/redact.ts';
import { instantToLocal } from '../core/time/zone.ts';
import type { ArchiveIncident } from './archiveIncident.ts';
import { markdownText } from './excerpt.ts';
import { localTime } from './format.ts';
import { INCIDENT_SECTIONS } from './incidentView.ts';
import { entryAnchor } from './promiseLedger.ts';
import { rowMeta } from './rowMeta.ts';
import { xmlText } from './xml.ts';

export interface SearchRecord {
  url: string;
  /** The HTML document Pagefind indexes (`addHTMLFile`). */
  content: string;
}

export function searchRecord(incident: Incident, facts: ArchiveIncident, contactDetails: boolean): SearchRecord {
  const redact = contactDetails ? (s: string) => s : redactContacts;
  const paragraphs = (texts: (string | undefined)[]) => texts.filter((t) => t?.trim()).map((t) => `<p>${xmlText(redact(t!))}</p>`).join('');
  const block = (anchor: string, title: string, texts: (string | undefined)[]) =>
    `<section id="${xmlText(anchor)}" data-pagefind-title="${xmlText(title)}">${paragraphs(texts)}</section>`;

  const published = incident.entries.filter((e) => !e.internal);
  const blocks = [
    paragraphs([incident.title, incident.client, incident.category]),
    block(INCIDENT_SECTIONS.whatHappened.id, INCIDENT_SECTIONS.whatHappened.label, [markdownText(incident.body)]),
    ...published.map((e) =>
      block(entryAnchor(e.name), `Entry of ${localTime(e.at, incident.zone)}`, [e.summary, e.verbatim, e.feedback?.comment, markdownText(e.body)]),
    ),
  ];
  const commitments = published.flatMap((e) => e.commitments.map((c) => c.action));
  if (commitments.length) blocks.push(block(INCIDENT_SECTIONS.commitments.id, INCIDENT_SECTIONS.commitments.label, commitments));
  if (incident.report) blocks.push(block(INCIDENT_SECTIONS.report.id, INCIDENT_SECTIONS.report.label, [markdownText(incident.report.body)]));

  const local = instantToLocal(incident.zone, incident.openedAt);
  const filters: [string, string | undefined][] = [
    ['status', incident.status],
    ['priority', facts.priority],
    ['client', incident.client],
    ['year', String(local.year)],
    ['severity', incident.severity],
    ['category', incident.category],
  ];
  // Values as attributes, where a comma or a colon in them cannot be taken for Pagefind's syntax.
  const head = [
    ...Object.entries(rowMeta(facts, local.date)).map(([key, value]) => `<meta data-pagefind-meta="${key}[content]" content="${xmlText(value)}">`),
    ...filters.filter(([, value]) => value !== undefined).map(([key, value]) => `<meta data-pagefind-filter="${key}[content]" content="${xmlText(value!)}">`),
  ];
  return {
    // From the site's root, without its base path: Pagefind's script puts before every address
    // the base it is served under (the folder above pagefind/), so a base here would be doubled.
    url: `/incidents/${incident.id}/`,
    content: `<!doctype html><html lang="en"><head>${head.join('')}</head><body>${blocks.join('')}</body></html>`,
  };
}
