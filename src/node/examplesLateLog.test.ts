// The bundled examples' one deliberately late entry (incidents/README.md): in a repository
// committed as the log was kept — each entry ten minutes after its contact, except the phone
// call of Thursday 11 June written up on Monday 15 June — late-log finds that entry alone, and
// `check` shows every one of its warning rules once. In this repository, where the examples
// were imported in one commit, the config turns late-log off.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIncident } from '../core/check.ts';
import { checkRepository } from './checkRepository.ts';
import { listIncidentIds, readConfig, readIncidentFiles } from './repository.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const NOW = Date.parse('2026-11-20T18:00:00Z');
const LATE = 'incidents/2026-06-08-kestrel-repairs-booking-slow/log/2026-06-11T1610-phone-in.md';
const LATE_COMMIT = Date.parse('2026-06-15T09:30:00+01:00');
const FIRST_COMMIT = Date.parse('2026-04-21T08:00:00Z');

let root: string;

/** A commit of `files` (paths relative to the root) authored and committed at `at`, as a fast-import command. */
function commitCommand(at: number, message: string, files: string[]): Buffer[] {
  const seconds = Math.floor(at / 1000);
  const parts = [Buffer.from(`commit refs/heads/main\nauthor t <t@example.com> ${seconds} +0000\ncommitter t <t@example.com> ${seconds} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`)];
  for (const path of files) {
    const content = readFileSync(join(root, path));
    parts.push(Buffer.from(`M 100644 inline ${path}\ndata ${content.length}\n`), content, Buffer.from('\n'));
  }
  return parts;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'commlog-examples-history-'));
  cpSync(join(PROJECT, 'incidents'), join(root, 'incidents'), { recursive: true });
  const config = readFileSync(join(PROJECT, 'commlog.config.yaml'), 'utf8');
  const withLateLog = config.replace(/^rules:\n {2}late-log: off\n/m, '');
  expect(withLateLog).not.toBe(config);
  writeFileSync(join(root, 'commlog.config.yaml'), withLateLog);

  // Every entry with its contact's instant, from the loader itself.
  const ids = listIncidentIds(root);
  const context = { config: readConfig(root), now: NOW, knownIds: new Set(ids) };
  const entries: { file: string; at: number }[] = [];
  const others: string[] = ['commlog.config.yaml', 'incidents/README.md'];
  for (const id of ids) {
    const files = readIncidentFiles(root, id);
    const { incident } = checkIncident(files, context);
    for (const e of incident!.entries) entries.push({ file: e.file, at: e.file === LATE ? LATE_COMMIT : e.at + 10 * 60_000 });
    others.push(...filesUnder(`incidents/${id}`).filter((f) => !f.includes('/log/')));
  }
  entries.sort((a, b) => a.at - b.at || (a.file < b.file ? -1 : 1));
  const stream = [...commitCommand(FIRST_COMMIT, 'incidents, reports and config', others), ...entries.flatMap((e) => commitCommand(e.at, `log ${e.file}`, [e.file]))];
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: root, input: Buffer.concat(stream) });
  execFileSync('git', ['reset', '-q'], { cwd: root });
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Files under `dir` (relative to the root), as paths relative to the root. */
function filesUnder(dir: string): string[] {
  return (readdirSync(join(root, dir), { recursive: true }) as string[]).map((f) => `${dir}/${f}`).filter((f) => statSync(join(root, f)).isFile());
}

describe('the bundled examples in a repository committed as the log was kept', () => {
  it('have one late-logged entry: the phone call of Thursday 11 June, committed on Monday 15 June', async () => {
    const result = await checkRepository({ root, now: NOW });
    const late = result.findings.filter((f) => f.rule === 'late-log');
    expect(late.map((f) => [f.file, f.line, f.due])).toEqual([[LATE, 2, Date.parse('2026-06-12T16:10:00+01:00')]]);
    expect(late[0].message).toMatch(/^Entry committed 3d\d+h after the contact at Thu 11 Jun 16:10/);
    // Each warning rule of the examples once (incidents/README.md), no error.
    expect(result.findings.map((f) => f.rule).sort()).toEqual(['ack', 'cc-pm', 'late-log', 'next-update-late', 'priority-triage', 'report-shared', 'window']);
    expect(result.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('show no late-log finding in this repository, whose config turns the rule off', async () => {
    const result = await checkRepository({ root: PROJECT, now: NOW });
    expect(result.config.rules['late-log']).toBe('off');
    expect(result.findings.filter((f) => f.rule === 'late-log')).toEqual([]);
    expect(result.notes).toEqual([]);
  });
});
