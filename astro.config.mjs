// The published archive of this repository, through the same integration a team installs
// (`import commlog from 'commlog/astro'`). Site title, base path and public URL come from
// commlog.config.yaml (`site:`) of the repository the site reads (COMMLOG_ROOT, default: here).
import { defineConfig } from 'astro/config';
import commlog from './src/integration/index.ts';

export default defineConfig({
  devToolbar: { enabled: false },
  integrations: [commlog()],
});
