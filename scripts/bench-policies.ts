// `node scripts/bench-policies.ts`: `commlog check` on the 10k workload with and without a policy-heavy
// config (20 client contracts with their own zones, hours, breaks and holidays, 3 dated policy
// changes, general lunch breaks and a short Friday), alternating runs. Issue 12 asks for the
// policy-heavy run within 1.1x of the plain one. Figures go to docs/performance.md.
//
//   node scripts/bench-policies.ts [--size 10k --runs 5 --dir /tmp/commlog-bench]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10k' },
    runs: { type: 'string', default: '5' },
    dir: { type: 'string', default: process.env.COMMLOG_BENCH_DIR ?? '/tmp/commlog-bench' },
  },
});
const PROJECT = resolve(import.meta.dirname, '..');
const GENERATOR = resolve(PROJECT, '../shared/bench/gen-corpus.mjs');
const NOW = '2026-11-20T18:00:00Z';
const node = process.execPath;
const size = values.size!;

/** Twenty of the generator's clients; the rest keep the general policy. */
const CLIENTS = [
  'Acme Retail Ltd', 'Bluefin Logistics', 'Cobalt Health Trust', 'Driftwood Insurance', 'Evergreen Schools',
  'Foxglove Energy', 'Granite Bank plc', 'Harbour City Council', 'Ironleaf Media', 'Juniper Travel',
  'Kestrel Manufacturing', 'Lumen Telecom', 'Meridian Pharma', 'Northwind Foods', 'Orchid Hotels',
  'Pinecone Software', 'Quartz Legal LLP', 'Riverside University', 'Saffron Restaurants', 'Tidewater Shipping',
];
const ZONES = ['America/New_York', 'Europe/Berlin', 'Europe/London', 'Australia/Sydney'];

function policyBlock(): string {
  const clients = CLIENTS.map((name, i) => {
    const start = `0${7 + (i % 3)}:${i % 2 ? '30' : '00'}`;
    return `  ${name}:
    timezone: ${ZONES[i % ZONES.length]}
    business_hours: { start: "${start}", end: "17:00", breaks: [{ from: "12:00", to: "12:45" }], by_day: { fri: { end: "15:00" } } }
    holidays: [2026-01-01, 2026-05-25, 2026-07-03, 2026-09-07, 2026-11-26, 2026-12-25]
    priorities: { urgent: { max_gap: ${2 + (i % 3)}h }, medium: { pausable: ${i % 2 === 0} } }`;
  });
  return `
clients:
${clients.join('\n')}
policy_changes:
  - since: 2026-03-01
    note: Contracts renewed
    acknowledge_within: 20m
  - since: 2026-06-01
    priorities: { high: { max_gap: 4h } }
    clients:
      ${CLIENTS[0]}: { acknowledge_within: 15m }
  - since: 2026-09-01
    note: Support contract v2
    priorities: { medium: { pausable: true } }
`;
}

function corpus(): string {
  const dir = join(values.dir!, `corpus-${size}`);
  if (!existsSync(join(dir, 'incidents'))) {
    execFileSync(node, [GENERATOR, '--out', dir, '--incidents', size.replace(/k$/, '000'), '--quiet'], { stdio: 'inherit' });
  }
  return dir;
}

function measure(root: string): number {
  const out = execFileSync(node, [join(PROJECT, 'scripts/bench/runCheck.ts'), 'check', '--root', root, '--now', NOW, '--format', 'json'], { cwd: PROJECT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const result = JSON.parse(out.trim().split('\n').pop()!) as { code: number; seconds: number };
  if (result.code === 2) throw new Error(`commlog check refused ${root}`);
  return result.seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const plain = corpus();
const heavy = join(values.dir!, `policies-${size}`);
if (!existsSync(join(heavy, 'incidents'))) cpSync(plain, heavy, { recursive: true });
// The general hours get a lunch break and a short Friday; then the clients and the changes.
const base = readFileSync(join(plain, 'commlog.config.yaml'), 'utf8').replace(
  /^business_hours: \{ (.*) \}$/m,
  'business_hours: { $1, breaks: [{ from: "12:30", to: "13:15" }], by_day: { fri: { end: "16:00" } } }',
);
if (!base.includes('breaks')) throw new Error('the corpus config has no business_hours line to add breaks to');
writeFileSync(join(heavy, 'commlog.config.yaml'), base + policyBlock());

measure(plain);
measure(heavy);
const plainRuns: number[] = [];
const heavyRuns: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  plainRuns.push(measure(plain));
  heavyRuns.push(measure(heavy));
}
const a = median(plainRuns);
const b = median(heavyRuns);
console.log(`plain ${plainRuns.map((s) => s.toFixed(2)).join(' ')}; policies ${heavyRuns.map((s) => s.toFixed(2)).join(' ')}`);
console.log(`| ${size} | ${a.toFixed(2)} s | ${b.toFixed(2)} s | ${(b / a).toFixed(2)} |`);
