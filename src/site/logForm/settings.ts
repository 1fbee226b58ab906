// Whether the site has the "Log a contact" page, and where its "Create on GitHub" link points:
// on when `site.repository` is set (the link needs a repository), unless the integration's
// `logForm: false` turns it off. A client site (`client`) is for the client to read: never.
import type { Config } from '../../core/config/config.ts';
import type { SiteOptions } from '../../integration/options.ts';

export interface LogFormSettings {
  /** The repository's page, such as https://github.com/acme/support-log. */
  repository: string;
  /** The branch GitHub's new-file page starts from; the person commits to a new branch from it. */
  branch: string;
}

export const DEFAULT_LOG_FORM_BRANCH = 'main';

export function logFormSettings(config: Pick<Config, 'site'>, options: SiteOptions): LogFormSettings | undefined {
  const repository = config.site.repository;
  if (!repository || options.logForm === false || options.client) return undefined;
  return { repository: repository.replace(/\/+$/, ''), branch: options.logForm?.branch ?? DEFAULT_LOG_FORM_BRANCH };
}
