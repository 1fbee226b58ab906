// The Atom feed (RFC 4287) of the most recently updated incidents. An entry's <updated> is when
// the incident's public record last changed (its latest published entry, or its resolution),
// so a reader's feed shows an open incident again each time an update is published.
import type { ArchiveIncident } from './archiveIncident.ts';
import { xmlText as xml } from './xml.ts';

export const FEED_ENTRIES = 50;

export interface FeedSite {
  title: string;
  /** The site's root URL (absolute with `site.url`, else the base path). */
  root: string;
  /** Whether `root` is absolute, so ids can be URLs. */
  absolute: boolean;
  /** The build's Now: the feed's <updated> when it has no entry. */
  now: number;
}

/** The priority in force, as `check` reports it, and the opening one when it was re-triaged. */
function priorityLabel(i: ArchiveIncident): string {
  return i.priorityAtOpening === i.priority ? `priority ${i.priority}` : `priority ${i.priority}, opened as ${i.priorityAtOpening}`;
}

export function atomFeed(incidents: readonly ArchiveIncident[], site: FeedSite): string {
  const recent = [...incidents].sort((x, y) => y.updatedAt - x.updatedAt || (x.id < y.id ? -1 : 1)).slice(0, FEED_ENTRIES);
  const idOf = (path: string) => (site.absolute ? `${site.root}${path}` : `urn:commlog:${path || 'archive'}`);
  const iso = (instant: number) => new Date(instant).toISOString();
  const entries = recent.map((i) => `  <entry>
    <id>${xml(idOf(`incidents/${i.id}/`))}</id>
    <title>${xml(`${i.title} (${i.client}, ${i.status})`)}</title>
    <link href="${xml(`${site.root}incidents/${i.id}/`)}"/>
    <published>${iso(i.openedAt)}</published>
    <updated>${iso(i.updatedAt)}</updated>
    <category term="${xml(i.priority)}" label="${xml(priorityLabel(i))}"/>
    <summary>${xml(i.excerpt)}</summary>
  </entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(idOf(''))}</id>
  <title>${xml(site.title)}</title>
  <link rel="self" href="${xml(`${site.root}feed.xml`)}"/>
  <link href="${xml(site.root)}"/>
  <updated>${iso(recent.length ? recent[0].updatedAt : site.now)}</updated>
  <author><name>${xml(site.title)}</name></author>
${entries.join('\n')}
</feed>
`;
}
