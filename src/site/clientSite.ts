// A client site: the archive of one client's public incidents, built for that client to read
// (issue 13). The loader threads drop every other client's incident before anything of it is
// rendered, indexed or exported, so no page, search record, JSON or feed can mention it; what
// is computed over the archive (trends, lessons, recurrences, related links) then only sees
// the client's own incidents.
import { clientKey, type ClientSite, type Config } from '../core/config/config.ts';
import { slug } from './format.ts';

/** Where `commlog site build` writes the client sites: beside dist/, never inside it. */
export const CLIENT_SITES_DIR = 'dist-clients';

/** The folder of a client site under CLIENT_SITES_DIR: `harbour-lane-retail`. */
export function clientSiteFolder(client: string): string {
  return slug(client);
}

/** The `site.clients` entry of a client, if the config lists it. */
export function clientSiteEntry(config: Config, client: string): ClientSite | undefined {
  const key = clientKey(client);
  return config.site.clients.find((c) => clientKey(c.name) === key);
}

/**
 * The `site` settings a build publishes with: the config's, or for a client site its entry's
 * title, base and URL (base `/` unless given: a client site is deployed on its own), without
 * the repository link (the client cannot read the team's repository) or the list of clients.
 */
export function publishedSite(config: Config, client: string | undefined): Config['site'] {
  if (!client) return config.site;
  const entry = clientSiteEntry(config, client);
  return { title: entry?.title ?? config.site.title, base: entry?.base ?? '/', url: entry?.url, repository: undefined, clients: [] };
}

/** Whether an incident of `incidentClient` belongs in the build for `client` (all when none). */
export function inClientSite(client: string | undefined, incidentClient: string): boolean {
  return client === undefined || clientKey(client) === clientKey(incidentClient);
}
