// `npm pack` / `npm publish` (prepack): compiles src/ to lib/ — JavaScript with type
// declarations, relative `.ts` imports rewritten to `.js` (tsconfig.build.json) — and copies the
// site's .astro components and stylesheets next to it. An adopter's Astro compiles those .astro
// files; their imports of our modules are rewritten to the compiled `.js` here, so an installed
// package holds no TypeScript source of ours. This repository itself keeps running from src/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PROJECT = join(import.meta.dirname, '..');
const SRC = join(PROJECT, 'src');
const LIB = join(PROJECT, 'lib');

/** Relative module specifiers ending in `.ts` (imports, re-exports, dynamic imports) as `.js`. */
function compiledImports(source: string): string {
  return source.replace(/((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"\n]+)\.ts\2/g, '$1$2$3.js$2');
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f));
}

rmSync(LIB, { recursive: true, force: true });
const tsc = spawnSync(join(PROJECT, 'node_modules/.bin/tsc'), ['-p', join(PROJECT, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

let copied = 0;
for (const file of filesUnder(SRC)) {
  if (/[/\\](fixtures|testing)[/\\]/.test(file)) continue;
  const target = join(LIB, file.slice(SRC.length + 1));
  if (file.endsWith('.astro')) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, compiledImports(readFileSync(file, 'utf8')));
    copied++;
  } else if (file.endsWith('.css')) {
    cpSync(file, target);
    copied++;
  }
}
const leftovers = filesUnder(LIB).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
if (leftovers.length) throw new Error(`TypeScript source in lib/: ${leftovers.join(', ')}`);
console.log(`lib/: compiled src/ and copied ${copied} .astro and .css files`);
