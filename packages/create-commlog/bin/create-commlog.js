#!/usr/bin/env node
// `npm create commlog@latest [FOLDER] -- [flags]`: npm runs the bin of the package `create-commlog`,
// and this one is `commlog init` of the commlog released with it, with the same arguments.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const commlog = join(dirname(require.resolve('commlog/package.json')), 'bin/commlog.js');
const result = spawnSync(process.execPath, [commlog, 'init', ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.error) {
  process.stderr.write(`create-commlog: could not run commlog init: ${result.error.message}\n`);
  process.exit(70);
}
process.exit(result.status ?? 1);
