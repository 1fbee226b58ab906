// The published archive as an Astro integration, the way Starlight ships its pages: a team's
// astro.config.mjs says `integrations: [commlog()]` and every page of ./routes/ is injected from
// the package, next to any page of the team's own src/pages/. This repository's site uses the
// same integration. Routes are found by walking ./routes/ with Astro's file-name conventions,
// so a page added there needs no registration.
import type { AstroConfig, AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../node/repository.ts';
import { SITE_OPTIONS_VARIABLE } from '../site/options.ts';
import { searchIndex } from '../site/searchIndex.ts';
import { publishedSite } from '../site/clientSite.ts';
import { logFormSettings } from '../site/logForm/settings.ts';
import { siteRoot } from '../site/settings.ts';
import { parseOptions, type CommlogOptions } from './options.ts';

export type { CommlogOptions } from './options.ts';

const ROUTES = fileURLToPath(new URL('./routes/', import.meta.url));
/** The "Log a contact" page and its incident contexts: injected when it is on (logFormSettings). */
const LOG_ROUTES = fileURLToPath(new URL('./logRoutes/', import.meta.url));

/**
 * A second line of defence behind the sanitised Markdown (issue 9): nothing loads from
 * elsewhere. Astro writes it as a <meta> tag with the hashes of its own scripts and styles;
 * Pagefind's search needs WebAssembly; the only inline styles are our components' style
 * attributes (user HTML loses its own).
 */
export const CONTENT_SECURITY_POLICY: Exclude<AstroConfig['security']['csp'], boolean> = {
  // Given here: updateConfig does not apply the defaults of Astro's config schema.
  algorithm: 'SHA-256',
  directives: ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "frame-src 'none'", "base-uri 'self'", "form-action 'self'"],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
};

export interface InjectedPage {
  pattern: string;
  entrypoint: string;
}

/** Every page and endpoint under `dir`, with the URL pattern Astro's file router would give it. */
export function routesUnder(dir: string = ROUTES): InjectedPage[] {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(astro|ts|js)$/.test(f) && !/\.(d|test)\.ts$/.test(f));
  return files.sort().map((file) => {
    const path = file.split(sep).join('/').replace(/\.(astro|ts|js)$/, '').replace(/(^|\/)index$/, '');
    return { pattern: `/${path}`, entrypoint: join(dir, file) };
  });
}

export default function commlog(options: CommlogOptions = {}): AstroIntegration {
  const siteOptions = parseOptions(options);
  return {
    name: 'commlog',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, updateConfig, logger }) => {
        const client = process.env.COMMLOG_CLIENT?.trim() || siteOptions.client;
        process.env[SITE_OPTIONS_VARIABLE] = JSON.stringify({ ...siteOptions, client });
        // The public URL and base path come from commlog.config.yaml (`site:`, or the client's
        // entry of `site.clients` for a client site) unless the team's astro.config.mjs sets them.
        const commlogConfig = readConfig(siteRoot());
        const published = publishedSite(commlogConfig, client);
        if (client) logger.info(`a client site: the public incidents of "${client}" only`);
        updateConfig({
          ...(config.site === undefined && published.url ? { site: published.url } : {}),
          ...(config.base === '/' && published.base !== '/' ? { base: published.base } : {}),
          // A team's own policy (security.csp in astro.config.mjs) wins.
          ...(config.security?.csp ? {} : { security: { csp: CONTENT_SECURITY_POLICY } }),
          integrations: [searchIndex()],
        });
        const pages = [...routesUnder(), ...(logFormSettings(commlogConfig, { ...siteOptions, client }) ? routesUnder(LOG_ROUTES) : [])];
        for (const page of pages) injectRoute(page);
        logger.debug(`injected ${pages.length} routes from ${relative(fileURLToPath(config.root), ROUTES) || ROUTES}`);
      },
    },
  };
}
