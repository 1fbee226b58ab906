// The core is pure: it knows nothing of files, git, the network, the CLI, GitHub or Astro, so
// every adapter reads incidents through the same code. Test support in core/testing/ may read
// fixture files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = import.meta.dirname;
const FORBIDDEN = [/^node:(fs|child_process|net|http|https|worker_threads)/, /^(fs|child_process)$/, /^simple-git/, /^octokit/, /^@octokit\//, /^astro/, /\/(cli|node|github|site|pages|integration)\//];

const modules = readdirSync(CORE, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('testing/'))
  .map((f) => join(CORE, f));

describe('src/core', () => {
  it.each(modules.map((m) => [relative(CORE, m), m]))('%s imports no adapter', (_name, path) => {
    const imports = [...readFileSync(path, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(imports.filter((i) => FORBIDDEN.some((f) => f.test(i)))).toEqual([]);
  });
});
