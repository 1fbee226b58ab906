import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/config.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { checkFindings, commlog, copyFixture, OPEN_INCIDENT, RESOLVED_INCIDENT } from './writingTestKit.ts';

const ZONE = 'Europe/London';
const config = parseConfig(readFileSync(join(import.meta.dirname, 'fixtures/writing/commlog.config.yaml'), 'utf8'));
const at = (text: string) => parseTimestamp(text, ZONE);

let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => dispose());

const INCIDENT_FLAGS = [
  '--title', 'Stock levels stop updating in the warehouse app',
  '--client', 'Acme Stores Ltd',
  '--reporter', 'José Müller <jose.muller@acme.example>',
  '--priority', 'High',
  '--pm', 'Priya Natarajan <priya.natarajan@fieldstone.example>',
  '--opened-at', '2026-11-03T08:45',
  '--owner', 'dana.okafor',
  '--category', 'outage',
  '--tag', 'warehouse',
];

function entry(...flags: string[]) {
  return commlog(['new', 'entry', OPEN_INCIDENT, '--root', root, ...flags], root);
}

function loaded(now = '2026-11-03T12:00') {
  return loadOneIncident(root, OPEN_INCIDENT, config, at(now));
}

describe('commlog new incident', () => {
  it('writes incident.md under a sortable id and prints its path; check finds nothing wrong', async () => {
    const result = await commlog(['new', 'incident', '--root', root, ...INCIDENT_FLAGS], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const id = '2026-11-03-acme-stores-stock-levels-stop-updating';
    expect(result.stdout).toBe(`incidents/${id}/incident.md\n`);
    const incident = loadOneIncident(root, id, config, at('2026-11-03T09:00'));
    expect(incident).toMatchObject({
      title: 'Stock levels stop updating in the warehouse app',
      client: 'Acme Stores Ltd',
      openedAt: at('2026-11-03T08:45'),
      priority: 'high',
      status: 'open',
      reporter: { name: 'José Müller', org: 'Acme Stores Ltd', email: 'jose.muller@acme.example' },
      pm: { name: 'Priya Natarajan', email: 'priya.natarajan@fieldstone.example' },
      tags: ['warehouse'],
    });
    const findings = await checkFindings(root, '2026-11-03T08:50', [id]);
    expect(findings).toEqual([]);
  });

  it('never overwrites: the same incident again is refused and the file is unchanged', async () => {
    const first = await commlog(['new', 'incident', '--root', root, ...INCIDENT_FLAGS], root);
    const path = join(root, first.stdout.trim());
    const before = readFileSync(path, 'utf8');
    const again = await commlog(['new', 'incident', '--root', root, ...INCIDENT_FLAGS, '--description', 'other'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists: pass --topic/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('records the triage answer, and notes when the priority is lower than it implies', async () => {
    const id = '2026-11-03-acme-stores-stock-levels-stop-updating';
    const result = await commlog(['new', 'incident', '--root', root, ...INCIDENT_FLAGS, '--triage', 'Workaround'], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(root, `incidents/${id}/incident.md`), 'utf8')).toContain('triage: workaround\npriority: high\n');
    expect(await checkFindings(root, '2026-11-03T08:50', [id])).toEqual([]);

    const blocked = await commlog(['new', 'incident', '--root', root, ...INCIDENT_FLAGS, '--topic', 'blocked', '--triage', 'blocked'], root);
    expect(blocked.code).toBe(0);
    expect(blocked.stderr).toBe('note: triage blocked implies priority urgent, not high: `commlog check` will warn (priority-triage)\n');
    expect((await checkFindings(root, '2026-11-03T08:50', ['2026-11-03-acme-stores-blocked'])).map((f) => [f.rule, f.line])).toEqual([['priority-triage', 9]]);

    const wrong = await commlog(['new', 'incident', '--root', root, ...INCIDENT_FLAGS, '--topic', 'wrong', '--triage', 'urgent'], root);
    expect(wrong).toMatchObject({ code: 2 });
    expect(wrong.stderr).toMatch(/--triage "urgent": expected one of blocked, deadline, workaround, inconvenience/);
  });

  it('names every missing required flag on one line when it cannot ask', async () => {
    const result = await commlog(['new', 'incident', '--root', root, '--title', 'Something broke'], root);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/missing --client, --reporter, --priority, --pm \(or run on a terminal/);
  });

  it.each([
    [['--priority', 'asap'], /--priority "asap": expected one of urgent, high, medium, low/],
    [['--pm', 'Priya Natarajan'], /--pm "Priya Natarajan": the project manager needs an e-mail address/],
    [['--category', 'gremlins'], /--category: Field "category" \("gremlins"\) is not a category/],
    [['--opened-at', '2026-11-03'], /--opened-at "2026-11-03": a date alone is not a timestamp/],
    [['--timezone', 'Europe/Atlantis'], /--timezone "Europe\/Atlantis": not an IANA time zone/],
    [['--severity', 'huge'], /--severity "huge": expected one of critical, high, medium, low/],
  ])('refuses %j', async (override, message) => {
    const flags = [...INCIDENT_FLAGS];
    for (let i = 0; i < override.length; i += 2) {
      const at = flags.indexOf(override[i]);
      if (at === -1) flags.push(override[i], override[i + 1]);
      else flags[at + 1] = override[i + 1];
    }
    const result = await commlog(['new', 'incident', '--root', root, ...flags], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('commlog new entry', () => {
  it('proposes next_update_by as the earliest deadline due gives after the update, and copies the PM', async () => {
    const result = await entry('--at', '2026-11-02T11:30', '--direction', 'outbound', '--channel', 'email', '--contact', 'Ana Silva <ana.silva@acme.example>', '--summary', 'Workaround live; fix in testing.');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`incidents/${OPEN_INCIDENT}/log/2026-11-02T1130-email-out.md\n`);
    const written = loaded().entries.find((e) => e.name === '2026-11-02T1130-email-out.md')!;
    // Urgent: max_gap 3h from 11:30 (14:30) comes before the end-of-day window (16:30).
    expect(written.nextUpdateBy).toBe(at('2026-11-02T14:30'));
    expect(written.cc).toEqual(['Priya Natarajan <priya.natarajan@fieldstone.example>']);
    expect(written.author).toBe('dana.okafor');
    expect(result.stderr).toMatch(/next_update_by 2026-11-02 14:30 GMT proposed from the policy/);

    // What `due` says right after the update is exactly what was proposed.
    const due = JSON.parse((await commlog(['due', OPEN_INCIDENT, '--root', root, '--now', '2026-11-02T11:30', '--format', 'json'], root)).stdout);
    const cadence = due.obligations.filter((o: { rule: string }) => !o.rule.includes('commitment'));
    expect(cadence[0].due).toBe('2026-11-02T14:30:00+00:00');

    const findings = await checkFindings(root, '2026-11-02T11:35', [OPEN_INCIDENT]);
    expect(findings.filter((f) => f.rule === 'schema' || f.rule === 'cc-pm' || f.rule === 'next-update-missing')).toEqual([]);
  });

  it('keeps a given next update time and adds the PM once to the given cc', async () => {
    await entry('--at', '2026-11-02T11:30', '--direction', 'outbound', '--channel', 'email', '--contact', 'ana.silva@acme.example', '--summary', 'Update', '--next-update-by', '2026-11-02T12:30', '--cc', 'PRIYA.NATARAJAN@fieldstone.example', '--cc', 'ben.okoro@acme.example');
    const written = loaded().entries.at(-1)!;
    expect(written.nextUpdateBy).toBe(at('2026-11-02T12:30'));
    expect(written.cc).toEqual(['Priya Natarajan <priya.natarajan@fieldstone.example>', 'ben.okoro@acme.example']);
  });

  it('gives a resolution notice no next update time, and a phone call no cc', async () => {
    await entry('--at', '2026-11-02T16:00', '--direction', 'outbound', '--channel', 'phone', '--contact', 'Ana Silva', '--kind', 'resolution', '--summary', 'Told Ana the fix is live.');
    const written = loaded().entries.at(-1)!;
    expect(written).toMatchObject({ kind: 'resolution', cc: [], contacts: [{ name: 'Ana Silva' }] });
    expect(written.nextUpdateBy).toBeUndefined();
  });

  it('proposes no next update after the incident was resolved', async () => {
    const result = await commlog(['new', 'entry', RESOLVED_INCIDENT, '--root', root, '--at', '2026-10-28T10:00', '--direction', 'outbound', '--channel', 'email', '--contact', 'ben.okoro@acme.example', '--summary', 'Sent the incident report.'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/next_update_by/);
    expect(readFileSync(join(root, result.stdout.trim()), 'utf8')).not.toMatch(/next_update_by/);
    const findings = await checkFindings(root, '2026-10-28T10:05', [RESOLVED_INCIDENT]);
    expect(findings).toEqual([]);
  });

  it('writes an inbound call with the client words, commitments and done, read back unchanged', async () => {
    const summary = 'Ben: "card orders pass" — test #1 of 3; 50% done';
    const result = await entry(
      '--at', '2026-11-03T10:05', '--direction', 'inbound', '--channel', 'phone',
      '--contact', 'Ben Okoro <ben.okoro@acme.example>', '--contact', 'Zoë Ångström',
      '--summary', summary, '--verbatim', 'All three orders went through: thanks!\nWe will check refunds next.',
      '--commitment', 'id=check-refunds; action=Check refunds of the failed payments, then report; owner=client; due=2026-11-04T12:00',
      '--done', 'test-card-orders', '--category', 'outage', '--author', 'tom.reid',
    );
    expect(result.code).toBe(0);
    const written = loaded().entries.at(-1)!;
    expect(written).toMatchObject({
      summary,
      direction: 'inbound',
      kind: 'report',
      author: 'tom.reid',
      contacts: [{ name: 'Ben Okoro', email: 'ben.okoro@acme.example' }, { name: 'Zoë Ångström' }],
      verbatim: 'All three orders went through: thanks!\nWe will check refunds next.',
      done: ['test-card-orders'],
      commitments: [{ id: 'check-refunds', owner: 'client', due: at('2026-11-04T12:00'), action: 'Check refunds of the failed payments, then report' }],
    });
    expect(written.nextUpdateBy).toBeUndefined();
    const findings = await checkFindings(root, '2026-11-03T10:10', [OPEN_INCIDENT]);
    expect(findings.filter((f) => f.rule === 'schema')).toEqual([]);
  });

  it('writes an internal note without contact', async () => {
    const result = await entry('--at', '2026-11-02T12:00', '--direction', 'internal', '--channel', 'chat', '--summary', 'Fix merged.', '--priority', 'high', '--internal');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/log\/2026-11-02T1200-chat-note\.md\n$/);
    expect(loaded().entries.at(-1)).toMatchObject({ direction: 'internal', kind: 'note', contacts: [], priority: 'high', internal: true });
  });

  it('never overwrites: a second entry of the same minute gets -2, the first is unchanged', async () => {
    const flags = ['--at', '2026-11-02T11:30', '--direction', 'outbound', '--channel', 'email', '--contact', 'Ana Silva <ana.silva@acme.example>'];
    const first = await entry(...flags, '--summary', 'First');
    const before = readFileSync(join(root, first.stdout.trim()), 'utf8');
    const second = await entry(...flags, '--summary', 'Second');
    expect(second.stdout).toBe(`incidents/${OPEN_INCIDENT}/log/2026-11-02T1130-email-out-2.md\n`);
    expect(readFileSync(join(root, first.stdout.trim()), 'utf8')).toBe(before);
    expect(readFileSync(join(root, second.stdout.trim()), 'utf8')).toMatch(/^summary: Second$/m);
  });

  it('defaults at to now, to the minute', async () => {
    const before = Date.now();
    await entry('--direction', 'internal', '--channel', 'other', '--summary', 'Now.');
    const written = loaded(new Date(Date.now() + 60_000).toISOString().slice(0, 16) + 'Z').entries.at(-1)!;
    expect(written.at % 60_000).toBe(0);
    expect(written.at).toBeGreaterThan(before - 60_000);
    expect(written.at).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    [['--direction', 'sideways', '--channel', 'email', '--summary', 'x'], /--direction "sideways": expected one of inbound, outbound, internal/],
    [['--direction', 'outbound', '--channel', 'email', '--summary', 'x'], /missing --contact/],
    [['--direction', 'internal', '--channel', 'chat'], /missing --summary/],
    [['--direction', 'internal', '--channel', 'chat', '--summary', 'x', '--done', 'no-such'], /--done: Field "done" names "no-such", but no commitment with that id/],
    [['--direction', 'internal', '--channel', 'chat', '--summary', 'x', '--commitment', 'id=send-gateway-logs; action=again'], /id "send-gateway-logs" is already used/],
    [['--direction', 'internal', '--channel', 'chat', '--summary', 'x', '--commitment', 'action=no id'], /a commitment needs an id/],
    // A wrong flag is reported before a missing one is asked for.
    [['--direction', 'internal', '--channel', 'chat', '--feedback-rating', '9'], /--feedback-rating "9": expected 1 to 5/],
    [['--direction', 'internal', '--channel', 'chat', '--summary', 'x', '--corrects', 'nope.md'], /--corrects: Field "corrects" names "nope\.md", which is not an earlier entry/],
    [['--direction', 'outbound', '--channel', 'email', '--contact', 'a@b.example', '--summary', 'x', '--at', '2026-11-02T12:00', '--next-update-by', '2026-11-02T11:00'], /--next-update-by: Field "next_update_by" \(.*\) is before "at"/],
    [['--direction', 'internal', '--channel', 'chat', '--summary', 'x'.repeat(301)], /--summary: 301 characters: a summary is one line of at most 300/],
  ])('refuses %j with one line and writes nothing', async (flags, message) => {
    const result = await entry(...flags);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(loaded().entries).toHaveLength(4);
  });

  it("checks the draft with check's own loader: every problem of the file, each with its flag, on one line", async () => {
    const result = await entry('--direction', 'internal', '--channel', 'chat', '--summary', 'x', '--done', 'no-such', '--corrects', 'nope.md');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--done: Field "done" names "no-such".*; --corrects: Field "corrects" names "nope\.md"/);
    expect(loaded().entries).toHaveLength(4);
  });

  it('refuses an unknown incident and a missing sub-command', async () => {
    const unknown = await commlog(['new', 'entry', 'no-such-incident', '--root', root, '--direction', 'internal'], root);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/unknown incident "no-such-incident"/);
    const bare = await commlog(['new', '--root', root], root);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/expected "new incident" or "new entry INCIDENT"/);
  });
});
