import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promisedUpdate } from '../../core/compose/statusPageImport.ts';
import { pageTime, readCstateIssue } from '../../core/compose/statusPageSources.ts';
import { checkFindings, commlog } from './writingTestKit.ts';

const FLAGS = ['--client', 'Acme Cloud', '--pm', 'Priya Natarajan <priya.natarajan@fieldstone.example>', '--author', 'dana.okafor'];

let root: string;
let sources: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'commlog-statuspage-'));
  sources = mkdtempSync(join(tmpdir(), 'commlog-statuspage-source-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(sources, { recursive: true, force: true });
});

const update = (id: string, status: string, at: string, body: string) => ({ id, status, body, created_at: at, display_at: at, incident_id: 'inc1' });

/** An Atlassian Statuspage `/api/v2/incidents.json`, newest first as the API gives it. */
function statuspageJson(updates: object[], status = 'resolved') {
  return JSON.stringify({
    page: { id: 'page1', name: 'Acme Cloud', time_zone: 'Etc/UTC' },
    incidents: [
      {
        id: 'inc1',
        name: 'Elevated API errors',
        status,
        impact: 'major',
        created_at: '2026-11-02T09:00:00.000Z',
        resolved_at: status === 'resolved' ? '2026-11-02T11:05:00.000Z' : null,
        components: [{ name: 'API' }],
        incident_updates: [...updates].reverse(),
      },
    ],
  });
}

const FIRST_UPDATES = [
  update('u1', 'investigating', '2026-11-02T09:00:00.000Z', 'We are investigating elevated error rates on the API. Next update in 30 minutes.'),
  update('u2', 'identified', '2026-11-02T09:28:00.000Z', 'The cause is a faulty deploy; we are rolling it back and will post an update by 10:30 UTC.'),
];

async function importSource(...extra: string[]) {
  return commlog(['import-statuspage', sources, '--root', root, ...FLAGS, ...extra], root);
}

function entriesOf(id: string): string[] {
  const dir = join(root, 'incidents', id, 'log');
  return readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

describe('commlog import-statuspage', () => {
  it('turns a Statuspage incident into a resolved incident of outbound status-page entries, with the promised next updates', async () => {
    writeFileSync(join(sources, 'incidents.json'), statuspageJson([...FIRST_UPDATES, update('u3', 'resolved', '2026-11-02T11:05:00.000Z', 'This incident has been resolved.')]));
    const result = await importSource();
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('wrote commlog.config.yaml (a public page, around the clock)');
    expect(result.stdout).toContain('imported 3 updates into incidents/2026-11-02-acme-cloud-elevated-api-errors (new)');
    const incident = readFileSync(join(root, 'incidents/2026-11-02-acme-cloud-elevated-api-errors/incident.md'), 'utf8');
    expect(incident).toMatch(/^client: Acme Cloud$/m);
    expect(incident).toMatch(/^reporter: Acme Cloud status page readers$/m);
    expect(incident).toMatch(/^priority: high$/m);
    expect(incident).toMatch(/^status: resolved\nresolved_at: 2026-11-02T11:05$/m);
    const [first, second, third] = entriesOf('2026-11-02-acme-cloud-elevated-api-errors');
    expect(first).toMatch(/^direction: outbound\nchannel: status-page\ncontact: Acme Cloud status page readers\nauthor: dana\.okafor\nkind: acknowledgement$/m);
    expect(first).toMatch(/^next_update_by: 2026-11-02T09:30$/m);
    expect(first).toMatch(/^source_id: statuspage:page1\/inc1\/u1$/m);
    expect(second).toMatch(/^next_update_by: 2026-11-02T10:30$/m);
    expect(third).toMatch(/^kind: resolution$/m);
    expect(third).not.toMatch(/next_update_by/);
    expect(readFileSync(join(root, 'commlog.config.yaml'), 'utf8')).toMatch(/^clock: always$/m);
    const findings = await checkFindings(root, '2026-11-03T12:00');
    expect(findings.filter((f) => f.rule === 'schema')).toEqual([]);
  });

  it('is rerunnable: a second run imports only the updates the log does not hold', async () => {
    writeFileSync(join(sources, 'incidents.json'), statuspageJson(FIRST_UPDATES, 'monitoring'));
    expect((await importSource()).stdout).toContain('1 incident read; 1 new, 2 updates imported');
    const again = await importSource();
    expect(again.stdout).toBe('1 incident read; 0 new, 0 updates imported\n');
    writeFileSync(join(sources, 'incidents.json'), statuspageJson([...FIRST_UPDATES, update('u3', 'resolved', '2026-11-02T11:05:00.000Z', 'Resolved.')]));
    const later = await importSource();
    expect(later.stdout).toContain('marked incidents/2026-11-02-acme-cloud-elevated-api-errors resolved at 2026-11-02 11:05 UTC\nimported 1 update into incidents/2026-11-02-acme-cloud-elevated-api-errors\n');
    expect(entriesOf('2026-11-02-acme-cloud-elevated-api-errors')).toHaveLength(3);
    expect(readFileSync(join(root, 'incidents/2026-11-02-acme-cloud-elevated-api-errors/incident.md'), 'utf8')).toMatch(/^status: resolved\nresolved_at: 2026-11-02T11:05$/m);
    const findings = await checkFindings(root, '2026-11-03T12:00');
    expect(findings.filter((f) => f.rule === 'schema')).toEqual([]);
  });

  it('reads a cState issue: the tracked updates oldest first, and a resolution', async () => {
    writeFileSync(
      join(sources, '2026-11-02-db.md'),
      `---\ntitle: Database failure\ndate: 2026-11-02 18:00:00\nresolved: true\nresolvedWhen: 2026-11-02 23:27:00\nseverity: down\naffected:\n  - git\nsection: issue\n---\n\n**Service restored**:\nThe database is back.\n{{< track "2026-11-02 23:27:00" >}}\n\n**Investigating**:\nA database server is offline. Next update in 1 hour.\n{{< track "2026-11-02 18:00:00" >}}\n`,
    );
    const result = await importSource('--audience', 'Readers of status.acme.example');
    expect(result.code).toBe(0);
    const [first, last] = entriesOf('2026-11-02-acme-cloud-database-failure');
    expect(first).toMatch(/^contact: Readers of status\.acme\.example$/m);
    expect(first).toMatch(/^summary: 'Investigating: A database server is offline\.'$/m);
    expect(first).toMatch(/^next_update_by: 2026-11-02T19:00$/m);
    expect(last).toMatch(/^kind: resolution$/m);
    expect(readFileSync(join(root, 'incidents/2026-11-02-acme-cloud-database-failure/incident.md'), 'utf8')).toMatch(/^priority: urgent$/m);
  });

  it('needs --client, --pm with an address and --author: a public page names no one', async () => {
    writeFileSync(join(sources, 'incidents.json'), statuspageJson(FIRST_UPDATES));
    const missing = await commlog(['import-statuspage', sources, '--root', root, '--client', 'Acme Cloud'], root);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/--pm is required: a public page does not say it/);
    const noAddress = await commlog(['import-statuspage', sources, '--root', root, '--client', 'Acme', '--pm', 'Priya', '--author', 'dana'], root);
    expect(noAddress.stderr).toMatch(/--pm "Priya": the project manager needs an address/);
    expect(existsSync(join(root, 'incidents'))).toBe(false);
  });

  it('writes nothing with --dry-run', async () => {
    writeFileSync(join(sources, 'incidents.json'), statuspageJson(FIRST_UPDATES));
    mkdirSync(join(root, 'incidents'));
    const result = await importSource('--dry-run');
    expect(result.stdout).toContain('would import 2 updates into incidents/2026-11-02-acme-cloud-elevated-api-errors (new)');
    expect(readdirSync(join(root, 'incidents'))).toEqual([]);
    expect(existsSync(join(root, 'commlog.config.yaml'))).toBe(false);
  });
});

describe('reading status pages', () => {
  it.each([
    ['2021-12-07T9:06:14+01:00', '2021-12-07T08:06:14.000Z'],
    ['2024-08-13T015:00:00+02:00', '2024-08-13T13:00:00.000Z'],
    ['2018-11-23 23:27:00', '2018-11-23T23:27:00.000Z'],
    ['2020-05-22T16:41:53.142Z', '2020-05-22T16:41:53.142Z'],
  ])('reads the time %s', (text, iso) => {
    expect(new Date(pageTime(text)!).toISOString()).toBe(iso);
  });
  it.each(['2024-08-13T25:00:00Z', '2024-02-30 10:00', 'yesterday'])('refuses %s', (text) => {
    expect(pageTime(text)).toBeUndefined();
  });

  it('reads a cState issue whose opening fence is missing', () => {
    const issue = readCstateIssue('title: "Cert expired"\ndate: "2023-10-31T14:00:00+01:00"\naffected:\n  - Copr\nresolved: true\nresolvedWhen: "2023-10-31T15:15:00+01:00"\n---\n\nThe certificate expired.\n', 'x.md', 'x.md');
    expect(issue).toMatchObject({ title: 'Cert expired', createdAt: Date.parse('2023-10-31T13:00:00Z'), resolvedAt: Date.parse('2023-10-31T14:15:00Z'), components: ['Copr'] });
  });

  const at = Date.parse('2026-11-02T16:05:00Z');
  it.each([
    ['Next update in 15 mins.', '2026-11-02T16:20:00.000Z'],
    ['We will provide the next update in 1 hour.', '2026-11-02T17:05:00.000Z'],
    ['We will provide a more detailed status update within an hour.', '2026-11-02T17:05:00.000Z'],
    ['We’ll post another update within 30 minutes.', '2026-11-02T16:35:00.000Z'],
    ['Next update by 18:00 UTC.', '2026-11-02T18:00:00.000Z'],
    ['We will post an update at 09:00 UTC.', '2026-11-03T09:00:00.000Z'],
    ['We will send another update in a few minutes.', undefined],
    ['A mitigation will be deployed within 30 minutes. We will keep you updated.', undefined],
  ])('%s', (text, iso) => {
    const promise = promisedUpdate(text, at);
    expect(promise === undefined ? undefined : new Date(promise.at).toISOString()).toBe(iso);
  });
});

/** The real status pages of ../shared/realdata (never copied into the repository). */
function realData(): string | undefined {
  const candidates = [process.env.COMMLOG_REALDATA, resolve(import.meta.dirname, '../../../../shared/realdata'), resolve(import.meta.dirname, '../../../../../shared/realdata')];
  return candidates.find((c): c is string => c !== undefined && existsSync(join(c, 'statuspage')));
}
const REAL = realData();

describe.skipIf(!REAL)('commlog import-statuspage on real status pages (../shared/realdata/statuspage, read in place)', () => {
  it('converts every incident of GitHub, SourceHut and Packit with no schema finding, and finds the promises they made', async () => {
    const pages: [string, string][] = [
      ['GitHub', 'github-incident-history/incidents'],
      ['SourceHut', 'cstate-sourcehut/issues'],
      ['Packit', 'cstate-packit/issues'],
    ];
    const promises: string[] = [];
    let incidents = 0;
    for (const [client, folder] of pages) {
      const result = await commlog(['import-statuspage', join(REAL!, 'statuspage', folder), '--root', root, '--client', client, ...FLAGS.slice(2)], root);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      incidents += Number(/(\d+) incidents? read; (\d+) new/.exec(result.stdout)![2]);
      promises.push(...result.stdout.split('\n').filter((l) => l.startsWith('  promise: ')).map((l) => l.slice(11)));
    }
    expect(incidents).toBe(1282 + 28 + 108);
    const findings = await checkFindings(root, '2026-11-03T12:00');
    expect(findings.filter((f) => f.rule === 'schema')).toEqual([]);
    expect(promises.sort()).toEqual(
      [
        '"update in 1 hour" at 2020-05-22 19:17 UTC -> next_update_by 2020-05-22 20:17 UTC',
        '"update in 1 hour" at 2020-05-22 21:44 UTC -> next_update_by 2020-05-22 22:44 UTC',
        '"update in 1 hour" at 2020-05-22 23:11 UTC -> next_update_by 2020-05-23 00:11 UTC',
        '"update within 30 minutes" at 2023-05-11 13:46 UTC -> next_update_by 2023-05-11 14:16 UTC',
        '"update within 30 minutes" at 2023-05-11 14:19 UTC -> next_update_by 2023-05-11 14:49 UTC',
        '"update within an hour" at 2023-05-10 19:39 UTC -> next_update_by 2023-05-10 20:39 UTC',
        '"update in 15 mins" at 2022-10-05 13:59 UTC -> next_update_by 2022-10-05 14:14 UTC',
        '"update in 15 minutes" at 2022-10-05 14:46 UTC -> next_update_by 2022-10-05 15:01 UTC',
        '"update in 20 minutes" at 2022-10-05 15:02 UTC -> next_update_by 2022-10-05 15:22 UTC',
        '"update in 10 minutes" at 2023-03-15 15:10 UTC -> next_update_by 2023-03-15 15:20 UTC',
        '"update in 10 minutes" at 2023-03-15 15:21 UTC -> next_update_by 2023-03-15 15:31 UTC',
      ].sort(),
    );
  }, 120_000);
});

describe.runIf(!REAL)('commlog import-statuspage on real status pages', () => {
  it('is skipped: ../shared/realdata/statuspage is not beside the repository (set COMMLOG_REALDATA to its realdata folder)', () => {
    expect(REAL).toBeUndefined();
  });
});
