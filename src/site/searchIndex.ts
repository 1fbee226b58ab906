// Astro integration: after the build, Pagefind indexes the incident pages (the parts marked
// data-pagefind-body) into a static, chunked search index under pagefind/.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export function searchIndex(): AstroIntegration {
  return {
    name: 'commlog-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const started = Date.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const outDir = fileURLToPath(dir);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`search index: ${added.page_count} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
