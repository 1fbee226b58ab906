// Runs `commlog check` in this process and reports its wall time and peak memory (which
// includes its worker threads), for `npm run bench`.
import { main } from '../../src/cli/main.ts';

const start = performance.now();
let output = 0;
const code = await main(process.argv.slice(2), {
  stdout: { write: (t: string) => (output += t.length) },
  stderr: process.stderr,
  env: {},
  cwd: process.cwd(),
});
const seconds = (performance.now() - start) / 1000;
process.stdout.write(`${JSON.stringify({ code, seconds, outputChars: output, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
