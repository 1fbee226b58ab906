// The log form's core, in Node: the file it writes is the file `commlog new entry` writes for the
// same answers, its proposal is the command's, and its messages are `commlog check`'s.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commlog, copyFixture, OPEN_INCIDENT } from '../../cli/commands/writingTestKit.ts';
import { markdownFile } from '../../core/compose/markdownFile.ts';
import { timestampText } from '../../core/compose/timestampText.ts';
import { parseConfig, policyOf, type Config } from '../../core/config/config.ts';
import { loadIncident } from '../../core/load/loadIncident.ts';
import { proposeNextUpdateBy } from '../../core/obligations/due.ts';
import { publication } from '../../core/publish/publication.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { readConfig, readIncidentFiles } from '../../node/repository.ts';
import { contextConfig, contextIncident, logFormContext, type LogFormContext } from './context.ts';
import { frontmatterOf, logFormResult, proposedNextUpdate, type LogFormValues } from './form.ts';

const ZONE = 'Europe/London';
const NOW = '2026-11-02T15:00';
let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => dispose());

function setContactDetails(published: boolean): void {
  const path = join(root, 'commlog.config.yaml');
  writeFileSync(path, `${readFileSync(path, 'utf8')}\npublish: { contact_details: ${published} }\n`);
}

/** The context as the page receives it: built from the published incident, through JSON. */
function pageContext(now = NOW): { ctx: LogFormContext; config: Config } {
  const config = readConfig(root);
  const incident = loadOneIncident(root, OPEN_INCIDENT, config, parseTimestamp(now, ZONE));
  const published = publication(incident, [], config).incident;
  return { ctx: JSON.parse(JSON.stringify(logFormContext(published, config))) as LogFormContext, config };
}

const VALUES: LogFormValues = {
  incident: OPEN_INCIDENT,
  at: '2026-11-02T14:05',
  direction: 'outbound',
  channel: 'email',
  kind: '',
  contact: 'Ana Silva <ana.silva@acme.example>',
  author: 'dana.okafor',
  summary: 'Fix deployed to the payment gateway; watching card payments',
  body: 'Card payments work again since 13:50.\n\nWe keep watching & report at 16:00 #ops.',
  commitments: [{ action: 'Send the gateway logs', owner: 'us', due: '2026-11-03T12:00' }],
  done: [],
  nextUpdateBy: '',
  cc: 'ops@acme.example',
  awaiting: false,
  verbatim: '',
  rating: '',
  comment: '',
};

async function newEntryText(values: LogFormValues, commitmentId: string): Promise<string> {
  const c = values.commitments[0];
  const result = await commlog(
    ['new', 'entry', OPEN_INCIDENT, '--root', root, '--now', NOW, '--at', values.at, '--direction', values.direction, '--channel', values.channel,
      '--contact', values.contact, '--author', values.author, '--summary', values.summary, '--body', values.body, '--cc', values.cc,
      '--commitment', `id=${commitmentId}; action=${c.action}; owner=${c.owner}; due=${c.due}`],
    root,
  );
  expect(result).toMatchObject({ code: 0 });
  return readFileSync(join(root, result.stdout.trim()), 'utf8');
}

describe('the log form writes what commlog new entry writes', () => {
  it('the same file, the project manager copied, when contact details are published', async () => {
    setContactDetails(true);
    const { ctx } = pageContext();
    expect(ctx.pm.email).toBe('priya.natarajan@fieldstone.example');
    const values = { ...VALUES, nextUpdateBy: proposedNextUpdate(VALUES, pageContext().ctx)! };
    const result = logFormResult(values, ctx, parseTimestamp(NOW, ZONE));
    expect(result.problems).toEqual([]);
    const text = await newEntryText(VALUES, 'send-the-gateway-logs');
    expect(result.file).toEqual({ path: `incidents/${OPEN_INCIDENT}/log/2026-11-02T1405-email-out.md`, text });
    expect(text).toContain('Priya Natarajan <priya.natarajan@fieldstone.example>');
  });

  it('the same file but for the project manager, whose address the context never holds by default', async () => {
    const { ctx } = pageContext();
    expect(JSON.stringify(ctx)).not.toContain('@');
    const values = { ...VALUES, nextUpdateBy: proposedNextUpdate(VALUES, ctx)! };
    const form = logFormResult(values, ctx, parseTimestamp(NOW, ZONE)).file!.text;
    const cli = await newEntryText(VALUES, 'send-the-gateway-logs');
    expect(form).toBe(cli.replace(/^cc:\n(?:  - .*\n)+/m, (cc) => cc.replace(/^  - Priya.*\n/m, '')));
  });

  it('proposes the next update commlog new entry proposes, at any instant of the week', () => {
    const config = readConfig(root);
    for (let day = 2; day <= 8; day++) {
      for (const time of ['08:30', '09:40', '12:15', '14:05', '16:29', '17:45', '23:10']) {
        const at = `2026-11-0${day}T${time}`;
        const { ctx } = pageContext(at);
        const incident = loadOneIncident(root, OPEN_INCIDENT, config, parseTimestamp(at, ZONE));
        const expected = proposeNextUpdateBy(incident, parseTimestamp(at, ZONE), config);
        const proposed = proposedNextUpdate({ ...VALUES, at }, ctx);
        expect(proposed, at).toBe(expected === undefined ? undefined : timestampText(expected, ZONE));
      }
    }
  });

  it('proposes what commlog new entry proposes after an internal outbound entry awaiting the client', () => {
    const config = join(root, 'commlog.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\npriorities: { urgent: { pausable: true } }\n`);
    const waiting = '---\nat: 2026-11-02T11:30\ndirection: outbound\nchannel: email\ncontact: Ana Silva <ana.silva@acme.example>\nauthor: dana.okafor\nsummary: Asked Ana for the failing order numbers\nawaiting: client\nvisibility: internal\n---\n';
    writeFileSync(join(root, `incidents/${OPEN_INCIDENT}/log/2026-11-02T1130-email-out.md`), waiting);
    for (const at of ['2026-11-02T12:15', '2026-11-02T16:29', '2026-11-03T09:40']) {
      const { ctx } = pageContext(at);
      const incident = loadOneIncident(root, OPEN_INCIDENT, readConfig(root), parseTimestamp(at, ZONE));
      const expected = proposeNextUpdateBy(incident, parseTimestamp(at, ZONE), readConfig(root));
      expect(ctx.entries.find((e) => e.name === '2026-11-02T1130-email-out.md')?.awaiting, at).toBe('client');
      expect(proposedNextUpdate({ ...VALUES, at }, ctx), at).toBe(expected === undefined ? undefined : timestampText(expected, ZONE));
    }
  });

  it('proposes nothing for an internal note or a resolution', () => {
    const { ctx } = pageContext();
    expect(proposedNextUpdate({ ...VALUES, direction: 'internal' }, ctx)).toBeUndefined();
    expect(proposedNextUpdate({ ...VALUES, kind: 'resolution' }, ctx)).toBeUndefined();
  });
});

describe("the log form's messages are commlog check's", () => {
  const cases: [string, Partial<LogFormValues>][] = [
    ['a summary too long', { summary: 'x'.repeat(301) }],
    ['no summary, no author', { summary: ' ', author: '' }],
    ['no contact on an outbound entry', { contact: '' }],
    ['a cc that is not an address', { cc: 'ops at acme' }],
    ['a next update before the contact', { nextUpdateBy: '2026-11-02T13:00' }],
    ['awaiting on an inbound entry', { direction: 'inbound', awaiting: true }],
    ['a commitment without an action and a bad due', { commitments: [{ action: '', owner: '', due: '2026-11-31T10:00' }] }],
    ['no time', { at: '' }],
  ];
  it.each(cases)('%s', (_, change) => {
    const { ctx, config } = pageContext();
    const values = { ...VALUES, nextUpdateBy: '2026-11-02T16:00', ...change };
    const now = parseTimestamp(NOW, ZONE);
    const shown = logFormResult(values, ctx, now).problems.map((p) => p.message);
    const path = `incidents/${OPEN_INCIDENT}/log/new.md`;
    const files = readIncidentFiles(root, OPEN_INCIDENT);
    files.entries = [...files.entries, { path, text: markdownFile(frontmatterOf(values, ctx), values.body) }];
    const checked = loadIncident(files, { config, now, knownIds: new Set([OPEN_INCIDENT]) }).findings.filter((f) => f.file === path).map((f) => f.message);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.sort()).toEqual(checked.sort());
    expect(logFormResult(values, ctx, now).file).toBeUndefined();
  });
});

describe("the context's config", () => {
  // contextConfig restates two defaults so the page need not load the config parser (zod);
  // this keeps them equal to parseConfig's, and the parts the form reads equal to the config's.
  it('is the default config in every field the core reads on the page', () => {
    const config = parseConfig(undefined);
    const incident = loadOneIncident(root, OPEN_INCIDENT, config, parseTimestamp(NOW, ZONE));
    const ctx = JSON.parse(JSON.stringify(logFormContext(publication(incident, [], config).incident, config))) as LogFormContext;
    const restated = contextConfig(ctx);
    const fields = ['timezone', 'categories', 'publish', 'reportShareWithin', 'logWithin'] as const;
    for (const field of fields) expect(restated[field], field).toEqual(config[field]);
    expect(policyOf(restated, contextIncident(ctx))).toEqual(policyOf(config, incident));
  });
});
