#!/usr/bin/env node
// Entry point for `npx commlog`. Installed, it runs the compiled CLI (lib/, built by `prepack`);
// in a checkout of this repository it runs the TypeScript source with Node 24's type stripping
// (the `node` devDependency puts Node 24 first on PATH for npm and npx).
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`commlog: needs Node.js 22.12 or later; this is ${process.version}\n`);
  process.exit(2);
}
const source = new URL('../src/cli/main.ts', import.meta.url);
const { main } = await import(existsSync(source) ? source.href : '../lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
