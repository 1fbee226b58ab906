// The published archive. Site title, base path and public URL come from commlog.config.yaml
// (`site:`) of the repository the site reads (COMMLOG_ROOT, default: this project).
import { defineConfig } from 'astro/config';
import { readConfig } from './src/node/repository.ts';
import { searchIndex } from './src/site/searchIndex.ts';
import { siteRoot } from './src/site/settings.ts';

const { site } = readConfig(siteRoot());

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [searchIndex()],
});
