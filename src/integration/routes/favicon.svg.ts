// The site's icon (src/site/favicon.ts), linked from every page.
import { FAVICON_SVG } from '../../site/favicon.ts';

export function GET(): Response {
  return new Response(FAVICON_SVG, { headers: { 'content-type': 'image/svg+xml' } });
}
