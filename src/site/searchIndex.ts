// Astro integration for the static full-text search. A worker thread (searchWorker.ts) runs for
// the whole build; the site's loader threads send it each published incident's text through a
// message port (SEARCH_SINK, archive.ts), and it feeds Pagefind while pages render. When the
// build is done, its shards are moved into the output (pagefind/, pagefind-1/, …).
import type { AstroIntegration } from 'astro';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { SEARCH_SINK, type SearchSink } from './archive.ts';
import { siteModuleFile } from './settings.ts';

interface WorkerResult {
  records: number;
  shards: number;
  indexedMs: number;
  errors: string[];
}

export function searchIndex(): AstroIntegration {
  let worker: Worker | undefined;
  let failed: Error | undefined;
  return {
    name: 'commlog-search-index',
    hooks: {
      'astro:config:done': () => {
        // Where the site's worker threads live (next to this module, which Node loads unbundled),
        // for the pages that Vite has bundled elsewhere.
        process.env.COMMLOG_SITE_SOURCES = dirname(fileURLToPath(import.meta.url));
      },
      'astro:build:start': () => {
        const w = new Worker(siteModuleFile('searchWorker'));
        worker = w;
        w.on('error', (error) => (failed = error));
        const sink: SearchSink = {
          connect() {
            const { port1, port2 } = new MessageChannel();
            w.postMessage({ port: port2 }, [port2]);
            return port1;
          },
        };
        (globalThis as Record<symbol, SearchSink>)[SEARCH_SINK] = sink;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!worker) return;
        const started = Date.now();
        const result = await new Promise<WorkerResult>((resolve, reject) => {
          if (failed) reject(failed);
          worker!.once('message', resolve);
          worker!.once('error', reject);
          worker!.postMessage({ outputDir: fileURLToPath(dir) });
        });
        await worker.terminate();
        delete (globalThis as Record<symbol, SearchSink | undefined>)[SEARCH_SINK];
        if (result.errors.length) throw new Error(`Pagefind: ${result.errors.join('; ')}`);
        logger.info(`search index: ${result.records} incidents in ${result.shards} shards (indexed alongside the pages in ${(result.indexedMs / 1000).toFixed(1)} s; waited ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      },
    },
  };
}
