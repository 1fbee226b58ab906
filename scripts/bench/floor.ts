// The floor of `npm run bench`: only read every file of a corpus and parse its frontmatter
// with gray-matter, on one thread. `commlog check` is measured against this.
import matter from 'gray-matter';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(process.argv[2], 'incidents');
let files = 0;
const start = performance.now();
for (const id of readdirSync(root)) {
  const dir = join(root, id);
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.md')) continue;
    matter(readFileSync(join(dir, name), 'utf8'), {}); // options: no cache, as check keeps none
    files++;
  }
  for (const name of readdirSync(join(dir, 'log'))) {
    matter(readFileSync(join(dir, 'log', name), 'utf8'), {});
    files++;
  }
}
const seconds = (performance.now() - start) / 1000;
process.stdout.write(`${JSON.stringify({ files, seconds, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
