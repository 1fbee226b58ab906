// The published archive of this log: every page comes from commlog's Astro integration.
// Title, base path and public URL come from commlog.config.yaml (`site:`). Options:
// commlog({ title, logo: { src, alt }, colours: { accent: '#1f5fa8' }, footer: { text, links } }).
// Pages of your own go in src/pages/ as in any Astro site.
import { defineConfig } from 'astro/config';
import commlog from 'commlog/astro';

export default defineConfig({
  integrations: [commlog()],
});
