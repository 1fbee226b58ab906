import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promisedNextUpdate } from '../../core/compose/emailEntry.ts';
import { parseConfig } from '../../core/config/config.ts';
import type { LogEntry } from '../../core/model.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { checkFindings, commlog, copyFixture, OPEN_INCIDENT } from './writingTestKit.ts';

const ZONE = 'Europe/London';
const EMAIL = join(import.meta.dirname, 'fixtures/email');
const at = (text: string) => parseTimestamp(text, ZONE);

let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => dispose());

async function importEmail(file: string, ...flags: string[]) {
  return commlog(['import-email', join(EMAIL, file), OPEN_INCIDENT, '--root', root, ...flags], root);
}

function entryAt(path: string): LogEntry {
  const config = parseConfig(readFileSync(join(root, 'commlog.config.yaml'), 'utf8'));
  const incident = loadOneIncident(root, OPEN_INCIDENT, config, at('2026-11-03T12:00'));
  return incident.entries.find((e) => e.file === path)!;
}

describe('commlog import-email', () => {
  it('turns a Gmail reply from the client into an inbound entry: their new words only, as verbatim', async () => {
    const result = await importEmail('gmail-reply-from-client.eml');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const path = result.stdout.trim();
    expect(path).toBe(`incidents/${OPEN_INCIDENT}/log/2026-11-02T1142-email-in.md`);
    const entry = entryAt(path);
    expect(entry).toMatchObject({
      at: Date.parse('2026-11-02T11:42:17Z'),
      direction: 'inbound',
      channel: 'email',
      kind: 'report',
      author: 'dana.okafor',
      contacts: [{ name: 'José Müller', email: 'jose.muller@acme.example' }],
      cc: ['Dana Okafor <dana.okafor@fieldstone.example>', 'Ben Okoro <ben.okoro@acme.example>'],
      summary: '[Fieldstone #4312] Checkout returns Error 500',
    });
    expect(entry.verbatim).toMatch(/^Hi Dana,\n\nThanks for the quick workaround — card payments/);
    expect(entry.verbatim).toMatch(/Our autumn sale starts on Wednesday\.\n\nBest,\nJosé$/);
    // Neither the quoted history nor the signature is the client's new words.
    expect(entry.verbatim).not.toMatch(/wrote:|The workaround is live|Head of E-commerce|^>/m);
    expect(entry.body).toContain('Message-ID `<CAF3x9Qk2vL+7yT0=s8Hq@mail.gmail.com>`');
  });

  it("turns an Outlook reply from staff into an outbound update with the mail's own next update time", async () => {
    const result = await importEmail('outlook-reply-from-staff.eml');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^next_update_by 2026-11-02 14:00 GMT read from the text of the mail: check it$/m);
    const entry = entryAt(result.stdout.trim());
    expect(entry).toMatchObject({
      direction: 'outbound',
      kind: 'update',
      author: 'dana.okafor',
      contacts: [{ name: 'Ana Silva', email: 'ana.silva@acme.example' }],
      cc: ['Priya Natarajan <priya.natarajan@fieldstone.example>', 'Okoro, Ben <ben.okoro@acme.example>'],
      summary: 'Checkout returns Error 500',
      nextUpdateBy: at('2026-11-02T14:00'),
    });
    expect(entry.verbatim).toBeUndefined();
    expect(entry.body).toMatch(/^> The corrected configuration is in testing now\./m);
    expect(entry.body).not.toMatch(/Sent: Monday|Any news on the proper fix|Kind regards/);
    const findings = await checkFindings(root, '2026-11-02T12:30', [OPEN_INCIDENT]);
    expect(findings.filter((f) => f.file === result.stdout.trim())).toEqual([]);
  });

  it('reads HTML-only mail in windows-1252 with encoded names, without the quoted message below it', async () => {
    const result = await importEmail('html-only-from-client.eml');
    const entry = entryAt(result.stdout.trim());
    expect(entry).toMatchObject({
      at: at('2026-11-02T08:47:05'),
      direction: 'inbound',
      contacts: [{ name: 'Björn Åkesson', email: 'bjorn.akesson@acme.example' }],
      summary: 'Zahlungen schlagen fehl – dringend!',
    });
    expect(entry.verbatim).toBe('Hello,\n\nsince this morning our warehouse café terminals show “payment declined” for every card.\nPlease call me on 020 7946 0188 as soon as you can.\n\nBjörn');
  });

  it('reads an HTML-only Gmail reply without the blockquote it answers', async () => {
    const result = await importEmail('html-only-gmail-reply-from-client.eml', '--kind', 'feedback');
    const entry = entryAt(result.stdout.trim());
    expect(entry).toMatchObject({ direction: 'inbound', kind: 'feedback', summary: 'Card payments: fix released', contacts: [{ name: 'Ben Okoro' }] });
    expect(entry.verbatim).toBe('Hi Dana,\n\nConfirmed: all 15 test orders went through, including Amex. You can close this on your side.\n\nThanks for the quick turnaround,\nBen');
  });

  it('reads a multipart/mixed mail sent from New York at London time, and lists its attachment', async () => {
    const result = await importEmail('attachment-from-client-new-york.eml');
    expect(result.stdout.trim()).toBe(`incidents/${OPEN_INCIDENT}/log/2026-11-02T1415-email-in.md`);
    const entry = entryAt(result.stdout.trim());
    expect(entry.at).toBe(Date.parse('2026-11-02T14:15:00Z'));
    expect(entry.summary).toBe('Fehler bei Kartenzahlung');
    expect(entry.contacts).toEqual([{ name: 'Zoë Châtelain', email: 'zoe.chatelain@acme.example' }]);
    expect(entry.verbatim).toMatch(/nur bei Amex-Karten auf\.\n\nGrüße\nZoë$/);
    expect(entry.verbatim).not.toMatch(/schrieb|wir untersuchen/);
    expect(entry.body).toMatch(/^Attachments: Fehlermeldung Kasse 3\.png$/m);
  });

  it('leaves every imported mail free of schema findings', async () => {
    for (const file of ['gmail-reply-from-client.eml', 'outlook-reply-from-staff.eml', 'html-only-from-client.eml', 'html-only-gmail-reply-from-client.eml', 'attachment-from-client-new-york.eml']) {
      expect((await importEmail(file)).code, file).toBe(0);
    }
    const findings = await checkFindings(root, '2026-11-04T16:00', [OPEN_INCIDENT]);
    expect(findings.filter((f) => f.rule === 'schema')).toEqual([]);
  });

  it('never overwrites: the same mail twice gives a second file', async () => {
    const first = await importEmail('gmail-reply-from-client.eml');
    const second = await importEmail('gmail-reply-from-client.eml');
    expect(second.stdout.trim()).toBe(first.stdout.trim().replace(/\.md$/, '-2.md'));
  });

  it('asks for --at when the mail has no Date header', async () => {
    const refused = await importEmail('no-date.eml');
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/no-date\.eml: the e-mail has no Date header: pass --at/);
    const taken = await importEmail('no-date.eml', '--at', '2026-11-02T13:00');
    expect(entryAt(taken.stdout.trim())).toMatchObject({ at: at('2026-11-02T13:00'), verbatim: 'Is it fixed yet?', summary: 'Still broken?' });
  });

  it('needs staff_domains (or --direction) to tell our mail from the client’s', async () => {
    writeFileSync(join(root, 'commlog.config.yaml'), 'timezone: Europe/London\n');
    const refused = await importEmail('outlook-reply-from-staff.eml');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/lists no staff_domains.*pass --direction/);
    const taken = await importEmail('outlook-reply-from-staff.eml', '--direction', 'outbound', '--author', 'dana.okafor');
    expect(entryAt(taken.stdout.trim())).toMatchObject({ direction: 'outbound', author: 'dana.okafor' });
  });

  it('refuses a missing file and an unknown incident with one line', async () => {
    const missing = await importEmail('nope.eml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.eml: ENOENT/);
    const unknown = await commlog(['import-email', join(EMAIL, 'no-date.eml'), 'no-such', '--root', root], root);
    expect(unknown.stderr).toMatch(/unknown incident "no-such"/);
  });
});

describe('promisedNextUpdate', () => {
  const sent = at('2026-11-02T16:00');
  it.each([
    ['Next update by 16:30.', '2026-11-02T16:30'],
    ["I'll send you the next update by **17:15** at the latest", '2026-11-02T17:15'],
    ['Our next update will come before 9.30 tomorrow.', '2026-11-03T09:30'],
    ['Next update by 09:30 tomorrow.', '2026-11-03T09:30'],
    ['Next update at 10:00.', undefined],
    ['We fixed it at 15:00.', undefined],
  ])('%s', (text, expected) => {
    expect(promisedNextUpdate(text, sent, ZONE)).toBe(expected === undefined ? undefined : at(expected));
  });
});
