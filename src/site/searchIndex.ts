// Astro integration for the static full-text search, and the build's bookkeeping around it. A
// worker thread (searchWorker.ts) runs for the whole build; as the archive loads it builds the
// search shards that the build cache does not already hold, with Pagefind, alongside the loaders
// and then while Astro renders the pages on the main thread. When the build is done, the shards go into the output (pagefind/,
// pagefind-1/, …). With COMMLOG_PROFILE=1 the build ends with a table of its phases.
import type { AstroIntegration } from 'astro';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildStats, SEARCH_SINK, type SearchSink } from './archive.ts';
import { CACHE_DIR_VARIABLE } from './buildCache.ts';
import { buildClock, formatPhases, profiling, threadCpuMs } from './profile.ts';
import type { SearchRequest, SearchResult } from './searchWorker.ts';
import { siteModuleFile } from './settings.ts';

export function searchIndex(): AstroIntegration {
  let worker: Worker | undefined;
  let failed: Error | undefined;
  let endPages: (() => void) | undefined;
  return {
    name: 'commlog-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        // Where the site's worker threads live (next to this module, which Node loads unbundled),
        // for the pages that Vite has bundled elsewhere.
        process.env.COMMLOG_SITE_SOURCES = dirname(fileURLToPath(import.meta.url));
        // The build cache lives with Astro's own (`cacheDir`, node_modules/.astro by default).
        process.env[CACHE_DIR_VARIABLE] ??= fileURLToPath(new URL('commlog/', config.cacheDir));
      },
      'astro:build:start': () => {
        if (profiling()) buildClock.add('main: Astro starts, bundles the pages', process.uptime() * 1000, threadCpuMs());
        const w = new Worker(siteModuleFile('searchWorker'));
        worker = w;
        w.on('error', (error) => (failed = error));
        const sink: SearchSink = {
          shard(shard) {
            w.postMessage({ shard } satisfies SearchRequest);
          },
          end() {
            endPages = buildClock.span('main: pages (Astro renders and writes)');
            w.postMessage({ end: true } satisfies SearchRequest);
          },
        };
        (globalThis as Record<symbol, SearchSink>)[SEARCH_SINK] = sink;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!worker) return;
        endPages?.();
        const waited = buildClock.span('main: waits for the search index');
        const waitStarted = Date.now();
        const result = await new Promise<SearchResult>((resolve, reject) => {
          if (failed) reject(failed);
          worker!.once('message', resolve);
          worker!.once('error', reject);
          worker!.postMessage({ outputDir: fileURLToPath(dir) } satisfies SearchRequest);
        });
        waited();
        await worker.terminate();
        delete (globalThis as Record<symbol, SearchSink | undefined>)[SEARCH_SINK];
        const reused = buildStats.reused ? `; ${buildStats.reused} of ${buildStats.incidents} incidents from the build cache` : '';
        logger.info(
          `search index: ${result.records} incidents in ${result.shards} shards, ${result.built} built (alongside the pages in ${(result.indexedMs / 1000).toFixed(1)} s; waited ${((Date.now() - waitStarted) / 1000).toFixed(1)} s)${reused}`,
        );
        if (profiling()) {
          buildClock.merge(result.phases);
          // Since the process started: Astro's own start included.
          const wall = process.uptime() * 1000;
          const { user, system } = process.cpuUsage();
          buildClock.add('whole build (all threads; Pagefind processes)', wall, (user + system) / 1000 + result.pagefindCpuMs);
          logger.info(`phases (COMMLOG_PROFILE):\n${formatPhases(buildClock.times())}`);
        }
      },
    },
  };
}
