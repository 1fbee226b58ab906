// Files that are not what they seem: symbolic links (to secrets outside the repository, to
// /dev/stdin, to another entry), FIFOs, folders whose names are not ids, and log entry names
// that differ only by case. Each is one clear `schema` finding; nothing behind a link is read.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/config.ts';
import type { Finding } from '../core/findings.ts';
import { loadChecked } from '../site/archiveIncident.ts';
import { checkRepository, type RepositoryCheck } from './checkRepository.ts';
import { loadValidIncidents } from './loadIncidents.ts';
import { listIncidentIds, readConfig, readIncidentFiles } from './repository.ts';

const TEMPLATE = join(import.meta.dirname, '../core/load/fixtures/bad-inputs/incidents/valid-neighbour');
const ENTRY = '2026-11-02T0910-email-out.md';
const NOW = Date.parse('2026-11-02T09:30:00Z');
const SECRET = 'SECRET_TOKEN=files-test-4f1c';

const INVALID_NAMES: [name: string, shown: string][] = [
  ['UPPER-Case', 'UPPER-Case'],
  ['.hidden', '.hidden'],
  ['a b', 'a b'],
  ['new\nline', 'new\\u{000A}line'],
  ['hash#tag', 'hash#tag'],
  ['what?', 'what?'],
  ['back\\slash', 'back\\\\slash'],
  ['bidi-\u202Egnp.exe', 'bidi-\\u{202E}gnp.exe'],
];

let root: string;
let outside: string;
let result: RepositoryCheck;
const findingsOf = (id: string): Finding[] => result.findings.filter((f) => f.incident === id);
const incident = (id: string) => join(root, 'incidents', id);

function copyIncident(id: string): string {
  cpSync(TEMPLATE, incident(id), { recursive: true });
  return incident(id);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'commlog-files-'));
  outside = mkdtempSync(join(tmpdir(), 'commlog-outside-'));
  writeFileSync(join(outside, 'secret.txt'), `${SECRET}\n`);
  cpSync(TEMPLATE, join(outside, 'incident'), { recursive: true });
  writeFileSync(join(outside, 'incident', 'log', '2026-11-02T0920-email-out.md'), `---\nat: 2026-11-02T09:20\nsummary: ${SECRET}\n---\n`);

  symlinkSync(join(outside, 'secret.txt'), join(copyIncident('report-link'), 'report.md'));
  symlinkSync('/proc/self/environ', join(copyIncident('environ-link'), 'report.md'));
  symlinkSync('/dev/stdin', join(copyIncident('stdin-link'), 'log', '2026-11-02T0930-email-in.md'));
  // An entry that points at another entry: editing the target would edit it unseen by log-immutable.
  symlinkSync(join('..', '..', 'valid', 'log', ENTRY), join(copyIncident('entry-link'), 'log', '2026-11-02T0911-email-out.md'));
  copyIncident('valid');
  const logLink = copyIncident('log-link');
  rmSync(join(logLink, 'log'), { recursive: true });
  symlinkSync(join(outside, 'incident', 'log'), join(logLink, 'log'));
  symlinkSync(join(outside, 'incident'), incident('folder-link'));
  mkdirSync(join(copyIncident('attachment-link'), 'attachments', 'deeper'), { recursive: true });
  symlinkSync(join(outside, 'secret.txt'), join(incident('attachment-link'), 'attachments', 'deeper', 'notes.txt'));
  execFileSync('mkfifo', [join(copyIncident('fifo-entry'), 'log', '2026-11-02T0930-email-in.md')]);
  cpSync(join(TEMPLATE, 'log', ENTRY), join(copyIncident('upper-extension'), 'log', '2026-11-02T0920-email-out.MD'));
  cpSync(join(TEMPLATE, 'log', ENTRY), join(copyIncident('case-twins'), 'log', ENTRY.replace('email-out', 'EMAIL-OUT')));
  for (const [name] of INVALID_NAMES) {
    cpSync(TEMPLATE, incident(name), { recursive: true });
    writeFileSync(join(incident(name), 'incident.md'), `---\ntitle: ${SECRET}\n---\n`);
  }
  result = await checkRepository({ root, now: NOW, workers: 1 });
}, 30_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const LINK = /^Symbolic link: commlog reads no link under incidents\//;

describe('symbolic links and special files under incidents/', () => {
  it.each([
    ['report-link', 'report.md'],
    ['environ-link', 'report.md'],
    ['stdin-link', 'log/2026-11-02T0930-email-in.md'],
    ['entry-link', 'log/2026-11-02T0911-email-out.md'],
    ['log-link', 'log'],
    ['attachment-link', 'attachments/deeper/notes.txt'],
  ])('%s: the link %s is a schema error, and the rest of the incident is checked', (id, file) => {
    expect(findingsOf(id)).toEqual([expect.objectContaining({ rule: 'schema', severity: 'error', file: `incidents/${id}/${file}`, message: expect.stringMatching(LINK) })]);
    expect(result.summaries.find((s) => s.id === id)).toMatchObject({ status: 'open' });
  });

  it('refuses a linked incident folder as a whole, reading nothing in it', () => {
    expect(findingsOf('folder-link')).toEqual([expect.objectContaining({ rule: 'schema', severity: 'error', file: 'incidents/folder-link', message: expect.stringMatching(LINK) })]);
    expect(result.summaries.find((s) => s.id === 'folder-link')).toMatchObject({ entries: 0, errors: 1 });
  });

  it('never waits on a FIFO named like an entry', () => {
    expect(findingsOf('fifo-entry')).toEqual([
      expect.objectContaining({ rule: 'schema', file: 'incidents/fifo-entry/log/2026-11-02T0930-email-in.md', message: expect.stringMatching(/^Not a regular file/) }),
    ]);
  });

  it('reads nothing behind a link: no content of the targets reaches any finding or loaded incident', () => {
    expect(JSON.stringify(result)).not.toContain('SECRET_TOKEN');
    const { incidents } = loadValidIncidents(root, parseConfig(undefined), NOW);
    expect(JSON.stringify(incidents)).not.toContain('SECRET_TOKEN');
    expect(incidents.find((i) => i.id === 'report-link')?.report).toBeUndefined();
    expect(incidents.find((i) => i.id === 'log-link')?.entries).toEqual([]);
    expect(incidents.map((i) => i.id)).not.toContain('folder-link');
  });

  it('publishes nothing of them on the site: its loader reads through the same code', () => {
    const config = parseConfig(undefined);
    const ids = listIncidentIds(root);
    const load = (name: string) => loadChecked(root, name, config, NOW, new Set(ids));
    for (const [name] of INVALID_NAMES) expect(load(name), name).toBeUndefined();
    expect(load('folder-link')).toBeUndefined();
    expect(load('report-link')?.incident.report).toBeUndefined();
    const published = ids.map(load).filter((l) => l !== undefined);
    expect(published.map((l) => l.incident.id).sort()).toEqual(
      ['attachment-link', 'case-twins', 'entry-link', 'environ-link', 'fifo-entry', 'log-link', 'report-link', 'stdin-link', 'upper-extension', 'valid'].sort(),
    );
    expect(JSON.stringify(published)).not.toContain('SECRET_TOKEN');
  });

  it('refuses a linked configuration file', () => {
    const linked = mkdtempSync(join(tmpdir(), 'commlog-config-link-'));
    try {
      symlinkSync('/dev/stdin', join(linked, 'commlog.config.yaml'));
      expect(() => readConfig(linked)).toThrow(/^commlog\.config\.yaml: Symbolic link/);
    } finally {
      rmSync(linked, { recursive: true, force: true });
    }
  });
});

describe('folder and file names', () => {
  it.each(INVALID_NAMES)('a folder named %j is one schema error naming it, and nothing in it is read', (name, shown) => {
    const found = result.findings.filter((f) => f.incident === shown);
    expect(found).toEqual([expect.objectContaining({ rule: 'schema', severity: 'error', file: `incidents/${shown}`, message: expect.stringContaining(`Folder "${shown}" is not a valid incident id`) })]);
    expect(found[0].message).not.toMatch(/[\n\u202E]/);
    const files = readIncidentFiles(root, name);
    expect(files.id).toBe(shown);
    expect([files.incident, files.entries]).toEqual([undefined, []]);
  });

  it('suggests a valid id where lower-casing gives one', () => {
    expect(findingsOf('UPPER-Case')[0].message).toMatch(/e\.g\. upper-case$/);
  });

  it('lists every folder and link under incidents/, as stored', () => {
    expect(listIncidentIds(root)).toEqual(expect.arrayContaining([...INVALID_NAMES.map(([name]) => name), 'folder-link', 'valid']));
  });

  it('refuses a log entry ending in .MD rather than skipping it', () => {
    expect(findingsOf('upper-extension')).toEqual([
      expect.objectContaining({
        rule: 'schema',
        severity: 'error',
        file: 'incidents/upper-extension/log/2026-11-02T0920-email-out.MD',
        message: 'Log entry file names end in lower-case .md, and this one is not read: rename it to 2026-11-02T0920-email-out.md',
      }),
    ]);
  });

  it('reports two entries whose names differ only by case', () => {
    const twins = findingsOf('case-twins').filter((f) => /only by case/.test(f.message));
    expect(twins).toEqual([expect.objectContaining({ rule: 'schema', severity: 'error', file: `incidents/case-twins/log/${ENTRY}` })]);
    expect(twins[0].message).toBe(`Log entry "${ENTRY}" differs from "${ENTRY.replace('email-out', 'EMAIL-OUT')}" only by case: a checkout on macOS or Windows keeps only one of them; rename this one`);
  });

  it('checks the valid incident beside them all without a finding', () => {
    expect(findingsOf('valid')).toEqual([]);
  });
});
