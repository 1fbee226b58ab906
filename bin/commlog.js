#!/usr/bin/env node
// Entry point for `npx commlog`. The CLI is TypeScript run by Node 24's type stripping;
// the `node` devDependency puts Node 24 first on PATH for npm and npx.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
