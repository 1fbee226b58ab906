// /favicon.ico, for browsers and audits that ask for it whatever the page links: no 404.
import { faviconIco } from '../../site/favicon.ts';

export function GET(): Response {
  return new Response(faviconIco(), { headers: { 'content-type': 'image/x-icon' } });
}
