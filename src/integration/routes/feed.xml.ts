// Atom feed of the most recent incidents (RFC 4287): updated when resolved, else when opened.
import { archive } from '../../site/archive.ts';
import { xmlText as xml } from '../../site/xml.ts';

const ENTRIES = 50;

export async function GET(): Promise<Response> {
  const a = await archive();
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const root = a.config.site.url ? new URL(base, a.config.site.url).href : base;
  const updatedOf = (i: (typeof a.incidents)[number]) => i.resolvedAt ?? i.openedAt;
  const recent = [...a.incidents].sort((x, y) => updatedOf(y) - updatedOf(x)).slice(0, ENTRIES);
  const feedUpdated = recent.length ? updatedOf(recent[0]) : a.now;
  const idOf = (path: string) => (a.config.site.url ? `${root}${path}` : `urn:commlog:${path || 'archive'}`);
  const entries = recent.map((i) => `  <entry>
    <id>${xml(idOf(`incidents/${i.id}/`))}</id>
    <title>${xml(`${i.title} (${i.client}, ${i.status})`)}</title>
    <link href="${xml(`${root}incidents/${i.id}/`)}"/>
    <published>${new Date(i.openedAt).toISOString()}</published>
    <updated>${new Date(updatedOf(i)).toISOString()}</updated>
    <category term="${xml(i.priority)}" label="priority ${xml(i.priority)}"/>
    <summary>${xml(i.excerpt)}</summary>
  </entry>`);
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(idOf(''))}</id>
  <title>${xml(a.config.site.title)}</title>
  <link rel="self" href="${xml(`${root}feed.xml`)}"/>
  <link href="${xml(root)}"/>
  <updated>${new Date(feedUpdated).toISOString()}</updated>
  <author><name>${xml(a.config.site.title)}</name></author>
${entries.join('\n')}
</feed>
`;
  return new Response(body, { headers: { 'content-type': 'application/atom+xml' } });
}
