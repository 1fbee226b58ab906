// The floor of `npm run bench`: only read every file of a corpus and parse its frontmatter
// with gray-matter, on one thread. `commlog check` is measured against this.
//
//   node scripts/bench/floor.ts CORPUS [--no-cache]
//
// By default gray-matter is called as its README shows, `matter(text)`, which also keeps
// every file in its cache; `--no-cache` passes options, which turns the cache off and is
// about a third faster, a stricter floor.
import matter from 'gray-matter';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(process.argv[2], 'incidents');
const parse = process.argv.includes('--no-cache') ? (text: string) => matter(text, {}) : (text: string) => matter(text);
let files = 0;
const start = performance.now();
for (const id of readdirSync(root)) {
  const dir = join(root, id);
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.md')) continue;
    parse(readFileSync(join(dir, name), 'utf8'));
    files++;
  }
  for (const name of readdirSync(join(dir, 'log'))) {
    parse(readFileSync(join(dir, 'log', name), 'utf8'));
    files++;
  }
}
const seconds = (performance.now() - start) / 1000;
process.stdout.write(`${JSON.stringify({ files, seconds, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
