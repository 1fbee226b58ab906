import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, main, runCommand } from './main.ts';
import type { Command } from './io.ts';
import { UsageError } from './usageError.ts';

const PROJECT = join(import.meta.dirname, '../..');
const VALID = join(PROJECT, 'src/core/load/fixtures/bad-inputs/incidents/valid-neighbour');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t) },
    env: options.env ?? {},
    cwd: options.cwd ?? PROJECT,
  });
  return { code, stdout, stderr };
}

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'commlog-cli-'));
  cpSync(VALID, join(repo, 'incidents/2026-11-02-acme-checkout-500'), { recursive: true });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('commlog', () => {
  it('prints an overview and the version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: commlog <command>/);
    expect(help.stdout).toMatch(/check\s+check incidents/);
    const version = await run(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')).version);
  });

  it('has --help for every command', async () => {
    const overview = (await run(['--help'])).stdout;
    const names = [...overview.matchAll(/^ {2}(\S+) {2,}/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const help = await run([name, '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toMatch(new RegExp(`Usage: commlog ${name}`));
    }
    // Imports every command's module: seconds on a loaded machine.
  }, 30_000);

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['check', '--colour'], /Unknown option '--colour'/],
    [['check', '--now', 'yesterday'], /--now "yesterday": expected a timestamp/],
    [['check', '--format', 'xml'], /--format "xml": expected one of text, json, github/],
    [['check', 'no-such-incident'], /unknown incident "no-such-incident"/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const result = await run(argv, { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('exits 2 when there is no incidents/ folder', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'commlog-empty-'));
    const result = await run(['check', '--root', empty]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/no incidents\/ folder/);
    rmSync(empty, { recursive: true });
  });

  it.each([
    ['priorities:\n  urgent:\n    max_gap: 3 hours\n', /commlog\.config\.yaml:3: priorities\.urgent\.max_gap: expected a duration/],
    ['timezone: Mars/Olympus\n', /commlog\.config\.yaml:1: timezone: "Mars\/Olympus" is not an IANA time zone/],
    ['acknowledge_within: 30m\nack_within: 1h\n', /commlog\.config\.yaml:2: unknown key "ack_within"/],
    ['rules:\n  max-gap: loud\n', /rules\.max-gap/],
    ['priorities:\n  high:\n    windows: [elevenses]\n', /no window named "elevenses"/],
    ['clock: [business\n', /commlog\.config\.yaml:\d+: not valid YAML/],
  ])('exits 2 naming the key of a bad config: %j', async (config, message) => {
    writeFileSync(join(repo, 'commlog.config.yaml'), config);
    const result = await run(['check', '--root', repo]);
    rmSync(join(repo, 'commlog.config.yaml'));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('prints the JSON document of cli.md', async () => {
    const result = await run(['check', '--root', repo, '--format', 'json', '--now', '2026-11-02T13:30Z']);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({
      version: 1,
      now: '2026-11-02T13:30:00Z',
      summary: { incidents: 1, entries: 1, errors: 0 },
      incidents: [{ id: '2026-11-02-acme-checkout-500', status: 'open', priority: 'urgent', errors: 0 }],
    });
    expect(doc.summary.warnings).toBe(doc.findings.length);
    const late = doc.findings.find((f: { rule: string }) => f.rule === 'next-update-late');
    expect(late).toMatchObject({ severity: 'warning', incident: '2026-11-02-acme-checkout-500', due: '2026-11-02T10:10:00+00:00' });
    expect(late.file).toBe('incidents/2026-11-02-acme-checkout-500/log/2026-11-02T0910-email-out.md');
    expect(result.code).toBe(0);
  });

  it('fails with --strict when there are only warnings', async () => {
    expect((await run(['check', '--root', repo, '--now', '2026-11-02T13:30Z'])).code).toBe(0);
    expect((await run(['check', '--root', repo, '--now', '2026-11-02T13:30Z', '--strict'])).code).toBe(1);
  });

  it('colours text only on a terminal, and never with NO_COLOR', async () => {
    const argv = ['check', '--root', repo, '--now', '2026-11-02T13:30Z'];
    const ESC = '\u001b[';
    expect((await run(argv, { tty: true })).stdout).toContain(ESC);
    expect((await run(argv, { tty: false })).stdout).not.toContain(ESC);
    expect((await run(argv, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
  });

  it('writes the JSON document to --json-report beside another format', async () => {
    const report = join(repo, 'report.json');
    const text = await run(['check', '--root', repo, '--now', '2026-11-02T13:30Z', '--json-report', report]);
    const json = await run(['check', '--root', repo, '--now', '2026-11-02T13:30Z', '--format', 'json']);
    expect(text.stdout).toMatch(/next-update-late/);
    expect(text.stdout).toContain('\n    see https://github.com/commlog/commlog/blob/main/docs/rules.md#next-update-late\n');
    expect(readFileSync(report, 'utf8')).toBe(json.stdout);
    rmSync(report);
  });

  it('writes GitHub annotations and appends the job summary', async () => {
    const summary = join(repo, 'summary.md');
    writeFileSync(summary, '');
    const result = await run(['check', '--root', repo, '--format', 'github', '--now', '2026-11-02T13:30Z'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.stdout).toMatch(/^::warning file=incidents\/2026-11-02-acme-checkout-500\/log\/2026-11-02T0910-email-out\.md,line=\d+,title=next-update-late::/m);
    expect(result.stdout).toMatch(/title=next-update-late::.*%0ASee https:\/\/github\.com\/commlog\/commlog\/blob\/main\/docs\/rules\.md#next-update-late$/m);
    expect(readFileSync(summary, 'utf8')).toMatch(/\| ⚠️ \| \[`next-update-late`\]\(https:\/\/github\.com\/commlog\/commlog\/blob\/main\/docs\/rules\.md#next-update-late\) \|/);
    rmSync(summary);
  });

  it('runs as npx commlog with the pinned Node', () => {
    const out = execFileSync('npx', ['commlog', 'check', '--root', repo, '--format', 'json', '--now', '2026-11-02T09:30Z'], { cwd: PROJECT, encoding: 'utf8' });
    expect(JSON.parse(out).summary).toEqual({ incidents: 1, entries: 1, errors: 0, warnings: 0 });
  }, 60_000); // npx resolves the pinned Node and starts it: seconds on a loaded machine
});

describe('commlog check --format github within GitHub limits', () => {
  it('shows at most 10 annotations of a kind and says how many were cut', async () => {
    const many = mkdtempSync(join(tmpdir(), 'commlog-many-'));
    for (let i = 0; i < 12; i++) cpSync(VALID, join(many, `incidents/incident-${String(i).padStart(2, '0')}`), { recursive: true });
    const result = await run(['check', '--root', many, '--format', 'github', '--now', '2026-11-02T13:30Z']);
    rmSync(many, { recursive: true });
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning '));
    expect(warnings).toHaveLength(10);
    expect(result.stdout).toMatch(/^::notice title=commlog::\d+ warnings not shown as annotations .*job summary and the pull request comment\.$/m);
  });
});

describe('commlog check on the bundled examples', () => {
  const EXAMPLE = '2026-09-14-harbourlane-checkout-500';

  it('prints a JSON document with no errors and exits 0', async () => {
    const result = await run(['check', '--format', 'json', '--now', '2026-11-20T18:00Z']);
    const doc = JSON.parse(result.stdout);
    expect(result.code).toBe(0);
    expect(doc.version).toBe(1);
    expect(doc.summary.errors).toBe(0);
    expect(doc.summary.incidents).toBeGreaterThanOrEqual(8);
    expect(doc.incidents.map((i: { id: string }) => i.id)).toContain(EXAMPLE);
    // The six deliberate lapses of incidents/README.md, each once; late-log is off in this
    // repository's config (the examples were imported in one commit).
    expect(doc.findings.map((f: { rule: string }) => f.rule).sort()).toEqual(['ack', 'cc-pm', 'next-update-late', 'priority-triage', 'report-shared', 'window']);
    // The quality rules on the examples: one triage answer below its implied priority; the
    // internal note quoting "can't reproduce" and the Timeline naming people are not findings.
    const quality = doc.findings.filter((f: { rule: string }) => ['priority-triage', 'wording', 'report-blame'].includes(f.rule));
    expect(quality.map((f: { rule: string; file: string; line: number }) => [f.rule, f.file, f.line])).toEqual([
      ['priority-triage', 'incidents/2026-11-09-meridian-eta-emails-wrong-timezone/incident.md', 10],
    ]);
  });

  it('exits 1 naming the heading when a closed incident report lacks one', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'commlog-examples-'));
    cpSync(join(PROJECT, 'incidents'), join(copy, 'incidents'), { recursive: true });
    cpSync(join(PROJECT, 'commlog.config.yaml'), join(copy, 'commlog.config.yaml'));
    const report = join(copy, 'incidents', EXAMPLE, 'report.md');
    writeFileSync(report, readFileSync(report, 'utf8').replace('## Root cause', '## What went wrong'));
    const result = await run(['check', '--root', copy, '--now', '2026-11-20T18:00Z']);
    rmSync(copy, { recursive: true });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`✖ error +incidents/${EXAMPLE}/report\\.md:1 +report-heading`));
    expect(result.stdout).toMatch(/Suspected root cause/);
  });
});

describe('a command that fails', () => {
  const failing = (error: unknown): Command => ({ help: '', run: () => Promise.reject(error) });
  async function outcome(error: unknown, env: Record<string, string> = {}) {
    let stderr = '';
    const code = await runCommand('check', failing(error), [], { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env, cwd: PROJECT });
    return { code, stderr };
  }

  it('exits 2 with one line for bad input', async () => {
    expect(await outcome(new UsageError('--format "xml": expected one of text, json, github'))).toEqual({ code: 2, stderr: 'commlog check: --format "xml": expected one of text, json, github\n' });
  });

  it('exits 70 for a bug, asking for a report, with the stack only under COMMLOG_DEBUG', async () => {
    const bug = await outcome(new TypeError("Cannot read properties of undefined (reading 'zone')"));
    expect(bug.code).toBe(70);
    expect(bug.stderr).toMatch(/^commlog check: internal error: Cannot read properties of undefined \(reading 'zone'\)\n.*please report it/);
    expect(bug.stderr).not.toMatch(/\n\s+at /);
    const debug = await outcome(new TypeError('boom'), { COMMLOG_DEBUG: '1' });
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('the optional packages commands name', () => {
  it('are exactly package.json\'s optional dependencies, so a missing-package message cannot drift from the install', () => {
    const optional = Object.keys(JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')).optionalDependencies).sort();
    const named = [...new Set(COMMANDS.flatMap((c) => c.needs ?? []))].sort();
    expect(named).toEqual(optional);
  });
});
