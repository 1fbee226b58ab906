import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRepository } from './checkRepository.ts';
import { RepositoryError } from './repositoryError.ts';

const TEMPLATE = join(import.meta.dirname, '../core/load/fixtures/bad-inputs/incidents/valid-neighbour');
const NOW = Date.parse('2026-11-02T09:30:00Z');
const ENTRY = 'incidents/acme-checkout/log/2026-11-02T0910-email-out.md';

let root: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'commlog-since-'));
  cpSync(TEMPLATE, join(root, 'incidents/acme-checkout'), { recursive: true });
  cpSync(TEMPLATE, join(root, 'incidents/bluefin-untouched'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'empty');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'base');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const since = (ref = 'HEAD') => checkRepository({ root, now: NOW, since: ref });

describe('check --since', () => {
  it('checks nothing when nothing changed', async () => {
    const result = await since();
    expect(result.summaries).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('accepts a new entry and checks only the incident it belongs to', async () => {
    writeFileSync(join(root, 'incidents/acme-checkout/log/2026-11-02T0920-phone-in.md'), '---\nat: 2026-11-02T09:20\ndirection: inbound\nchannel: phone\ncontact: Ana Silva\nauthor: jdoe\nsummary: Ana called to ask for an update\n---\n');
    const result = await since();
    expect(result.summaries.map((s) => s.id)).toEqual(['acme-checkout']);
    expect(result.findings.filter((f) => f.rule === 'log-immutable')).toEqual([]);
  });

  it('flags an edited entry', async () => {
    appendFileSync(join(root, ENTRY), '\nEdited afterwards.\n');
    const [finding] = (await since()).findings;
    expect(finding).toMatchObject({ rule: 'log-immutable', severity: 'error', incident: 'acme-checkout', file: ENTRY, line: 1 });
    expect(finding.message).toMatch(/was edited after it landed .*corrects: 2026-11-02T0910-email-out\.md/);
  });

  it('flags a renamed entry at its new name', async () => {
    git('mv', ENTRY, 'incidents/acme-checkout/log/2026-11-02T0910-email-out-fixed.md');
    const findings = (await since()).findings.filter((f) => f.rule === 'log-immutable');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'incidents/acme-checkout/log/2026-11-02T0910-email-out-fixed.md' });
    expect(findings[0].message).toMatch(/renamed to incidents\/acme-checkout\/log\/2026-11-02T0910-email-out-fixed\.md/);
  });

  it('flags a deleted entry, staged or not', async () => {
    git('rm', '-q', ENTRY);
    const findings = (await since()).findings.filter((f) => f.rule === 'log-immutable');
    expect(findings).toEqual([expect.objectContaining({ file: ENTRY, message: expect.stringMatching(/was deleted/) })]);
  });

  it('still flags a rename git has not been told of, as a deletion', async () => {
    renameSync(join(root, ENTRY), join(root, 'incidents/acme-checkout/log/renamed.md'));
    const findings = (await since()).findings.filter((f) => f.rule === 'log-immutable');
    expect(findings).toEqual([expect.objectContaining({ file: ENTRY, message: expect.stringMatching(/was deleted/) })]);
  });

  it('judges against an older ref, seeing committed edits too', async () => {
    appendFileSync(join(root, ENTRY), '\nEdited afterwards.\n');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', 'edit');
    expect((await since('HEAD~1')).findings.map((f) => f.rule)).toContain('log-immutable');
  });

  it('checks, and refuses, an incident folder added as a link (git records it as one file)', async () => {
    symlinkSync(join(root, 'incidents/acme-checkout'), join(root, 'incidents/linked-incident'));
    git('add', '.');
    const result = await since();
    expect(result.summaries.map((s) => s.id)).toEqual(['linked-incident']);
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'schema', file: 'incidents/linked-incident', message: expect.stringMatching(/^Symbolic link/) })]);
  });

  it('flags an entry replaced by a link to another file, which could then change unseen', async () => {
    rmSync(join(root, ENTRY));
    symlinkSync('../../bluefin-untouched/log/2026-11-02T0910-email-out.md', join(root, ENTRY));
    const findings = (await since()).findings;
    expect(findings.map((f) => [f.rule, f.file])).toEqual([
      ['schema', ENTRY],
      ['log-immutable', ENTRY],
    ]);
  });

  it('refuses an unknown ref and a folder that is not a git repository', async () => {
    await expect(since('no-such-branch')).rejects.toThrow(RepositoryError);
    const plain = mkdtempSync(join(tmpdir(), 'commlog-nogit-'));
    cpSync(TEMPLATE, join(plain, 'incidents/acme-checkout'), { recursive: true });
    await expect(checkRepository({ root: plain, now: NOW, since: 'HEAD' })).rejects.toThrow(/not in one/);
    rmSync(plain, { recursive: true, force: true });
  });
});
