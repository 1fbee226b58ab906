// The site options the integration checked (src/integration/options.ts), as the pages read
// them: the integration and the pages run in one process, but the pages are bundled by Vite,
// so the options travel through the environment like the site's other build settings.
import type { SiteOptions } from '../integration/options.ts';

export const SITE_OPTIONS_VARIABLE = 'COMMLOG_SITE_OPTIONS';

export function siteOptions(): SiteOptions {
  const text = process.env[SITE_OPTIONS_VARIABLE];
  return text ? (JSON.parse(text) as SiteOptions) : {};
}
