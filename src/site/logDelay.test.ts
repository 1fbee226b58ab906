// The trends page's logging delay on real temporary git repositories, with author and committer
// dates set by GIT_AUTHOR_DATE and GIT_COMMITTER_DATE: the incidents' facts made as a loader
// thread makes them (published, then passed through JSON as the build cache keeps them), the
// history read once as the build's main thread reads it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitAllAt, datedGit } from '../../test/support/datedGit.ts';
import { publication } from '../core/publish/publication.ts';
import { listIncidentIds, readConfig } from '../node/repository.ts';
import { archiveIncident, loadChecked, type ArchiveIncident } from './archiveIncident.ts';
import { LogDelayCounter, logDelayNote } from './logDelay.ts';

const INCIDENT = 'incidents/2026-11-02-acme-checkout';
const NOW = Date.parse('2026-11-06T12:00:00Z');
const MIN = 60_000;

let root: string;
const temporary: string[] = [];
const git = (args: string[], date: string, cwd = root) => datedGit(cwd, args, date);
const commit = (message: string, date: string, cwd = root) => commitAllAt(cwd, message, date);

function write(path: string, text: string, base = root): void {
  mkdirSync(join(base, path, '..'), { recursive: true });
  writeFileSync(join(base, path), text);
}

/** An entry at `time` on Mon 2 Nov 2026 (GMT); `visibility: internal` when `internal`. */
function entry(name: string, time: string, options: { internal?: boolean; base?: string } = {}): void {
  const visibility = options.internal ? 'visibility: internal\n' : '';
  write(`${INCIDENT}/log/${name}`, `---\nat: 2026-11-02T${time}\ndirection: outbound\nchannel: email\ncontact: Ana Silva\nauthor: jdoe\nsummary: Update at ${time}\ncc: [marcus.bell@ours.example]\n${visibility}---\n`, options.base);
}

function incident(base = root): void {
  write(`${INCIDENT}/incident.md`, '---\ntitle: Checkout returns HTTP 500\nclient: Acme Retail\nopened_at: 2026-11-02T09:00\nreporter: Ana Silva\npriority: low\nstatus: open\npm: { name: Marcus Bell, email: marcus.bell@ours.example }\ntimezone: Europe/London\n---\n', base);
}

/** The published incidents' facts as a loader thread sends them. */
function facts(at: string): ArchiveIncident[] {
  const config = readConfig(at);
  const ids = listIncidentIds(at);
  return ids.map((id) => {
    const loaded = loadChecked(at, id, config, NOW, new Set(ids))!;
    return JSON.parse(JSON.stringify(archiveIncident(publication(loaded.incident, loaded.findings, config), config, NOW, loaded.incident.entries))) as ArchiveIncident;
  });
}

/** The figure as the build's main thread counts it: the history read while the facts arrive. */
async function delaysAt(at = root) {
  const counter = new LogDelayCounter(at, NOW, readConfig(at).rules['late-log'] === 'off');
  const incidents = facts(at);
  for (const i of incidents) counter.add(i);
  return { delays: await counter.result(), incidents };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'commlog-log-delay-'));
  temporary.push(root);
  git(['init', '-q', '-b', 'main'], '2026-11-02T09:00:00Z');
  incident();
});

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the logging delay of the trends page', () => {
  it('is the median from each published contact to the author date of its entry\'s first commit, by the month of the contact', async () => {
    entry('2026-11-02T0910-email-out.md', '09:10');
    // An internal entry is not on the site: its delay is not either.
    entry('2026-11-02T0920-note.md', '09:20', { internal: true });
    commit('incident, first entry and a note', '2026-11-02T09:30:00Z');
    entry('2026-11-02T1000-email-out.md', '10:00');
    // A name with an address: the site withholds it from the published file name, git knows the file by its own.
    entry('2026-11-02T1100-email-to-ana.silva@acme.example.md', '11:00');
    commit('two entries, late', '2026-11-03T10:00:00Z');
    // Rewritten by a rebase a week later: the author date stays.
    entry('2026-11-02T1200-email-out.md', '12:00');
    git(['add', '-A'], '2026-11-02T12:45:00Z');
    datedGit(root, ['commit', '-q', '-m', 'rebased'], '2026-11-02T12:45:00Z', '2026-11-09T10:00:00Z');

    const { delays, incidents } = await delaysAt();
    // 20 min, 24 h, 23 h, 45 min: the mean of 45 min and 23 h.
    const median = (45 * MIN + 23 * 60 * MIN) / 2;
    expect(delays).toEqual({ all: { entries: 4, timed: 4, median }, byMonth: new Map([['2026-11', { entries: 4, timed: 4, median }]]), shallow: false });
    expect(logDelayNote(delays, 'internal')).toBeUndefined();
    // Counted once, then not kept for the rest of the build.
    expect(incidents.every((i) => i.loggedEntries === undefined)).toBe(true);
  });

  it('logs an entry not committed yet (untracked or only staged) at Now, as late-log does', async () => {
    entry('2026-11-02T0910-email-out.md', '09:10');
    commit('incident and first entry', '2026-11-02T09:30:00Z');
    write(`${INCIDENT}/log/2026-11-05T1200-email-out.md`, '---\nat: 2026-11-05T12:00\ndirection: outbound\nchannel: email\ncontact: Ana Silva\nauthor: jdoe\nsummary: Staged\ncc: [marcus.bell@ours.example]\n---\n');
    git(['add', '-A'], '2026-11-05T12:00:00Z');
    write(`${INCIDENT}/log/2026-11-06T0900-email-out.md`, '---\nat: 2026-11-06T09:00\ndirection: outbound\nchannel: email\ncontact: Ana Silva\nauthor: jdoe\nsummary: Untracked\ncc: [marcus.bell@ours.example]\n---\n');
    const { delays } = await delaysAt();
    // 20 min, then Now (Fri 6 Nov 12:00) minus 12:00 on the 5th and 09:00 on the 6th: 24 h and 3 h.
    expect('off' in delays ? undefined : delays.all).toEqual({ entries: 3, timed: 3, median: 3 * 60 * MIN });
  });

  it('in a shallow clone counts but does not time the entries present in the boundary commit, and says so', async () => {
    entry('2026-11-02T0910-email-out.md', '09:10');
    commit('incident and first entry', '2026-11-02T09:30:00Z');
    write(`${INCIDENT}/report.md`, '# Report\n');
    commit('the boundary of a clone two commits deep: the first entry may be older', '2026-11-02T09:40:00Z');
    entry('2026-11-02T1000-email-out.md', '10:00');
    commit('second entry, within the clone', '2026-11-02T11:00:00Z');
    const clone = mkdtempSync(join(tmpdir(), 'commlog-log-delay-shallow-'));
    temporary.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${root}`, clone]);
    const { delays } = await delaysAt(clone);
    expect('off' in delays ? undefined : delays.all).toEqual({ entries: 2, timed: 1, median: 60 * MIN });
    expect(logDelayNote(delays, 'internal')).toBe('The history is shallow: entries already present in its oldest commit are not counted in the logging delay (build from a full clone, e.g. actions/checkout with fetch-depth: 0).');
    expect(logDelayNote(delays, 'public')).toBe('Entries older than the history this site was built from are not counted in the logging delay.');
  });

  it('is not shown when the config turns late-log off, as check then reads no history', async () => {
    entry('2026-11-02T0910-email-out.md', '09:10');
    commit('incident and first entry', '2026-11-02T09:30:00Z');
    write('commlog.config.yaml', 'rules:\n  late-log: off\n');
    const { delays, incidents } = await delaysAt();
    expect(delays).toEqual({ off: 'rule-off' });
    expect(logDelayNote(delays, 'internal')).toBe('The logging delay is not shown: the configuration turns late-log off (rules: late-log: off), so the history is not read.');
    expect(logDelayNote(delays, 'public')).toBe('The logging delay is not shown: the history of this log does not say when its entries were recorded.');
    expect(incidents.every((i) => i.loggedEntries === undefined)).toBe(true);
  });

  it('is not shown outside a git work tree, with the reason, and the entries are still dropped', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'commlog-log-delay-plain-'));
    temporary.push(plain);
    incident(plain);
    entry('2026-11-02T0910-email-out.md', '09:10', { base: plain });
    const { delays, incidents } = await delaysAt(plain);
    expect(delays).toEqual({ off: 'no-git' });
    expect(logDelayNote(delays, 'internal')).toBe('The logging delay is not shown: this site was built outside a git work tree, so when each entry was committed is not known.');
    expect(logDelayNote(delays, 'public')).toBe('The logging delay is not shown: this site was built without the history of the log, so when each entry was recorded is not known.');
    expect(incidents.every((i) => i.loggedEntries === undefined)).toBe(true);
  });
});
