// Atom feed of the most recently updated incidents (src/site/feed.ts).
import { archive } from '../../site/archive.ts';
import { atomFeed } from '../../site/feed.ts';

export async function GET(): Promise<Response> {
  const a = await archive();
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const root = a.config.site.url ? new URL(base, a.config.site.url).href : base;
  const body = atomFeed(a.incidents, { title: a.config.site.title, root, absolute: Boolean(a.config.site.url), now: a.now });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml' } });
}
