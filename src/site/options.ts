// The site options the integration checked (src/integration/options.ts), as the pages read
// them: the integration and the pages run in one process, but the pages are bundled by Vite,
// so the options travel through the environment like the site's other build settings.
import type { SiteOptions } from '../integration/options.ts';
import type { Audience } from './incidentView.ts';

export const SITE_OPTIONS_VARIABLE = 'COMMLOG_SITE_OPTIONS';

export function siteOptions(): SiteOptions {
  const text = process.env[SITE_OPTIONS_VARIABLE];
  return text ? (JSON.parse(text) as SiteOptions) : {};
}

/**
 * Who this build is for: `public` (a site readers outside the team see, each client's own site
 * among them) shows no rule ids and no instructions to the team; `internal`, the default, is the
 * team's archive and marks what only the team sees (docs/decisions.md, "Audience of a site").
 */
export function siteAudience(options: SiteOptions = siteOptions()): Audience {
  // A client's own site is read by the client: public whatever `audience` says.
  if (options.client) return 'public';
  return options.audience ?? 'internal';
}
