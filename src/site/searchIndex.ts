// Astro integration for the static full-text search: a worker thread builds the Pagefind index
// from the incidents while the pages render (searchWorker.ts); when the build is done its shards
// are moved into the output (pagefind/, pagefind-1/, …).
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

interface WorkerResult {
  records: number;
  shards: number;
  indexedMs: number;
  errors: string[];
}

export function searchIndex(): AstroIntegration {
  let projectRoot = '';
  let base = '/';
  let worker: Worker | undefined;
  let ready: Promise<void> | undefined;
  let failed: Error | undefined;
  return {
    name: 'commlog-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': () => {
        const w = new Worker(join(projectRoot, 'src/site/searchWorker.ts'), { workerData: { base } });
        worker = w;
        w.on('error', (error) => (failed = error));
        ready = new Promise((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('error', reject);
        });
        // Rejections are reported at build:done, not as an unhandled rejection mid-build.
        ready.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!worker || !ready) return;
        const started = Date.now();
        await ready;
        const result = await new Promise<WorkerResult>((resolve, reject) => {
          worker!.once('message', resolve);
          worker!.once('error', reject);
          worker!.postMessage({ outputDir: fileURLToPath(dir) });
        });
        await worker.terminate();
        if (failed) throw failed;
        if (result.errors.length) throw new Error(`Pagefind: ${result.errors.join('; ')}`);
        logger.info(`search index: ${result.records} incidents in ${result.shards} shards (indexed alongside the pages in ${(result.indexedMs / 1000).toFixed(1)} s; waited ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      },
    },
  };
}
