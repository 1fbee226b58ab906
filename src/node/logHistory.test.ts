// late-log on real temporary git repositories, with the author dates set by GIT_AUTHOR_DATE.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitAllAt, datedGit } from '../../test/support/datedGit.ts';
import { formatCheckText } from '../cli/format/text.ts';
import { checkRepository } from './checkRepository.ts';
import { readLogHistory } from './logHistory.ts';

const INCIDENT = 'incidents/acme-checkout';
const NOW = Date.parse('2026-11-06T12:00:00Z');

let root: string;
const temporary: string[] = [];
const git = (args: string[], date = '2026-11-02T09:30:00Z', cwd = root) => datedGit(cwd, args, date);
const commit = (message: string, date: string, cwd = root) => commitAllAt(cwd, message, date);

function write(path: string, text: string, base = root): void {
  mkdirSync(join(base, path, '..'), { recursive: true });
  writeFileSync(join(base, path), text);
}

/** An outbound entry at `time` on Mon 2 Nov 2026 (GMT), promising the next update an hour later. */
function entry(name: string, time: string, base = root): string {
  const path = `${INCIDENT}/log/${name}`;
  const [h, m] = time.split(':').map(Number);
  const next = `${String(h + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  write(path, `---\nat: 2026-11-02T${time}\ndirection: outbound\nchannel: email\ncontact: Ana Silva\nauthor: jdoe\nsummary: Update at ${time}\ncc: [marcus.bell@ours.example]\nnext_update_by: 2026-11-02T${next}\n---\n`, base);
  return path;
}

function incident(base = root): void {
  write(`${INCIDENT}/incident.md`, '---\ntitle: Checkout returns HTTP 500\nclient: Acme Retail\nopened_at: 2026-11-02T09:00\nreporter: Ana Silva\npriority: low\nstatus: open\npm: { name: Marcus Bell, email: marcus.bell@ours.example }\ntimezone: Europe/London\n---\n', base);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'commlog-late-log-'));
  temporary.push(root);
  git(['init', '-q', '-b', 'main']);
  incident();
});

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function lateLog(options: { since?: string; at?: string } = {}) {
  const result = await checkRepository({ root: options.at ?? root, now: NOW, since: options.since });
  return { findings: result.findings.filter((f) => f.rule === 'late-log'), result };
}

describe('late-log', () => {
  it('finds an entry committed in a later commit, more than log_within after its contact, due at + 24h', async () => {
    const onTime = entry('2026-11-02T0910-email-out.md', '09:10');
    commit('incident and first entry', '2026-11-02T09:30:00Z');
    const late = entry('2026-11-02T1000-email-out.md', '10:00');
    commit('a late entry', '2026-11-03T10:01:00Z');
    const { findings } = await lateLog();
    expect(findings.map((f) => f.file)).toEqual([late]);
    expect(findings[0]).toMatchObject({ severity: 'warning', line: 2, due: Date.parse('2026-11-03T10:00:00Z') });
    expect(findings[0].message).toBe('Entry committed 24h1m after the contact at Mon 2 Nov 10:00 (log_within allows 24h): it was due in the log by Tue 3 Nov 10:00; log contacts as they happen');
    expect(findings.some((f) => f.file === onTime)).toBe(false);
  });

  it('reads the author date, not the committer date, and log_within from the config', async () => {
    entry('2026-11-02T0910-email-out.md', '09:10');
    git(['add', '-A']);
    datedGit(root, ['commit', '-q', '-m', 'x'], '2026-11-02T11:00:00Z', '2026-11-09T11:00:00Z');
    expect((await lateLog()).findings).toEqual([]);
    write('commlog.config.yaml', 'log_within: 1h\n');
    const [finding] = (await lateLog()).findings;
    expect(finding.due).toBe(Date.parse('2026-11-02T10:10:00Z'));
  });

  it('logs an untracked or only staged entry at Now', async () => {
    commit('incident', '2026-11-02T09:30:00Z');
    const untracked = entry('2026-11-02T0910-email-out.md', '09:10');
    const staged = entry('2026-11-02T1000-email-out.md', '10:00');
    git(['add', staged]);
    const { findings } = await lateLog();
    expect(findings.map((f) => f.file).sort()).toEqual([untracked, staged].sort());
    expect(findings[0].message).toMatch(/^Entry not committed yet, 4d\d+h\d*m? after the contact at Mon 2 Nov 09:10 .*commit it now$/);
    const fresh = await checkRepository({ root, now: Date.parse('2026-11-02T12:00:00Z') });
    expect(fresh.findings.filter((f) => f.rule === 'late-log')).toEqual([]);
  });

  it('follows a renamed entry to the commit that first added it', async () => {
    entry('2026-11-02T0910-email-out.md', '09:10');
    commit('on time', '2026-11-02T09:30:00Z');
    git(['mv', `${INCIDENT}/log/2026-11-02T0910-email-out.md`, `${INCIDENT}/log/2026-11-02T0910-email-to-ana.md`]);
    commit('renamed a week later', '2026-11-09T09:00:00Z');
    const history = await readLogHistory(root);
    expect('history' in history && history.history.loggedAt.get(`${INCIDENT}/log/2026-11-02T0910-email-to-ana.md`)).toBe(Date.parse('2026-11-02T09:30:00Z'));
    expect((await lateLog()).findings).toEqual([]);
  });

  it('counts an entry merged from a branch from the merge commit on the first-parent history', async () => {
    commit('incident', '2026-11-02T09:30:00Z');
    git(['checkout', '-q', '-b', 'pr']);
    const path = entry('2026-11-02T0910-email-out.md', '09:10');
    commit('entry on the branch in time', '2026-11-02T09:40:00Z');
    git(['checkout', '-q', 'main']);
    git(['merge', '-q', '--no-ff', '-m', 'merge days later', 'pr'], '2026-11-05T09:00:00Z');
    const [finding] = (await lateLog()).findings;
    expect(finding.file).toBe(path);
    expect(finding.message).toMatch(/^Entry committed 3d after the contact at Mon 2 Nov 09:10/);
  });

  it('with --since judges only entries added since REF', async () => {
    entry('2026-11-02T0910-email-out.md', '09:10');
    commit('late before the ref', '2026-11-04T09:00:00Z');
    const base = git(['rev-parse', 'HEAD']).trim();
    const added = entry('2026-11-02T1000-email-out.md', '10:00');
    commit('late after the ref', '2026-11-04T10:00:00Z');
    expect((await lateLog()).findings).toHaveLength(2);
    expect((await lateLog({ since: base })).findings.map((f) => f.file)).toEqual([added]);
  });

  it('in a shallow clone gives no finding for entries present in the boundary commit, and says once that history is shallow', async () => {
    entry('2026-11-02T0910-email-out.md', '09:10');
    commit('late, then cut off by the shallow clone', '2026-11-04T09:00:00Z');
    const added = entry('2026-11-02T1000-email-out.md', '10:00');
    commit('late, within the clone', '2026-11-04T10:00:00Z');
    const clone = mkdtempSync(join(tmpdir(), 'commlog-late-log-shallow-'));
    temporary.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone]);
    const shallow = await lateLog({ at: clone });
    expect(shallow.findings).toEqual([]);
    expect(shallow.result.notes).toEqual([expect.stringMatching(/^history is shallow/)]);
    execFileSync('git', ['fetch', '-q', '--deepen', '1'], { cwd: clone });
    expect((await lateLog({ at: clone })).findings.map((f) => f.file)).toEqual([added]);
    expect(formatCheckText((await lateLog({ at: clone })).result, false).match(/history is shallow/g)).toHaveLength(1);
  });

  it('is silently off outside a git work tree, and check says so once in text', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'commlog-late-log-plain-'));
    temporary.push(plain);
    incident(plain);
    entry('2026-11-02T0910-email-out.md', '09:10', plain);
    const { findings, result } = await lateLog({ at: plain });
    expect(findings).toEqual([]);
    expect(result.notes).toEqual([`late-log is off: ${plain} is not inside a git work tree`]);
    expect(formatCheckText(result, false).match(/late-log is off/g)).toHaveLength(1);
  });

  it('reads paths relative to a root inside the repository', async () => {
    const sub = join(root, 'log-repo');
    incident(sub);
    entry('2026-11-02T0910-email-out.md', '09:10', sub);
    commit('in a folder', '2026-11-05T09:00:00Z');
    const { findings } = await lateLog({ at: sub });
    expect(findings.map((f) => f.file)).toEqual([`${INCIDENT}/log/2026-11-02T0910-email-out.md`]);
  });
});
