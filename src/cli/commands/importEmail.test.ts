import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promisedNextUpdate } from '../../core/compose/emailEntry.ts';
import { parseConfig } from '../../core/config/config.ts';
import { renderThroughPipeline } from '../../core/render/markdown.ts';
import type { LogEntry } from '../../core/model.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { checkFindings, commlog, copyFixture, OPEN_INCIDENT, RESOLVED_INCIDENT } from './writingTestKit.ts';

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
    // Our words as sent, sign-off included; not the client's message quoted below them.
    expect(entry.body).toMatch(/> Kind regards,\n> Dana Okafor\n> Fieldstone Digital support\n?$/);
    expect(entry.body).not.toMatch(/Sent: Monday|Any news on the proper fix/);
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

  it('records the Message-ID, and refuses the same mail twice', async () => {
    const first = await importEmail('gmail-reply-from-client.eml');
    expect(readFileSync(join(root, first.stdout.trim()), 'utf8')).toMatch(/^message_id: CAF3x9Qk2vL\+7yT0=s8Hq@mail\.gmail\.com$/m);
    expect(entryAt(first.stdout.trim()).messageId).toBe('CAF3x9Qk2vL+7yT0=s8Hq@mail.gmail.com');
    const second = await importEmail('gmail-reply-from-client.eml');
    expect(second).toMatchObject({ code: 2, stdout: '' });
    expect(second.stderr).toMatch(/gmail-reply-from-client\.eml: this e-mail \(Message-ID <CAF3x9Qk2vL\+7yT0=s8Hq@mail\.gmail\.com>\) is already in the log as 2026-11-02T1142-email-in\.md/);
  });

  it('never overwrites: a file already at the name gives a second file', async () => {
    const taken = join(root, `incidents/${OPEN_INCIDENT}/log/2026-11-02T1142-email-in.md`);
    writeFileSync(taken, '---\nat: 2026-11-02T11:42\ndirection: internal\nchannel: other\nauthor: dana\nsummary: placeholder\n---\n');
    const result = await importEmail('gmail-reply-from-client.eml');
    expect(result.stdout.trim()).toBe(`incidents/${OPEN_INCIDENT}/log/2026-11-02T1142-email-in-2.md`);
    expect(readFileSync(taken, 'utf8')).toMatch(/summary: placeholder/);
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

/** A minimal RFC 5322 message from the client, with headers and body given. */
function mail(headers: Record<string, string>, body = 'Is it fixed yet?'): string {
  const all = { From: 'Ana Silva <ana.silva@acme.example>', To: 'support@fieldstone.example', Subject: 'Still broken?', Date: 'Mon, 2 Nov 2026 11:42:17 +0000', ...headers };
  return `${Object.entries(all)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${body}`;
}

describe('commlog import-email on hostile or unusual mail', () => {
  async function importText(text: string, ...flags: string[]) {
    const file = join(root, 'mail.eml');
    writeFileSync(file, text);
    return commlog(['import-email', file, OPEN_INCIDENT, '--root', root, ...flags], root);
  }

  it('writes subject, Message-ID and attachment names into the body as text, never as Markdown', async () => {
    const boundary = 'b1';
    const text = mail(
      { Subject: 'Hi ![x](https://tracker.example/p.gif) <img src=x> [link](https://evil.example)', 'Message-ID': '<a`b![t](https://tracker.example/m.gif)@evil.example>', 'Content-Type': `multipart/mixed; boundary="${boundary}"` },
      `--${boundary}\r\nContent-Type: text/plain\r\n\r\nSee the file.\r\n--${boundary}\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="![i](https://tracker.example/a.gif).pdf"\r\n\r\nJVBERi0=\r\n--${boundary}--\r\n`,
    );
    const result = await importText(text);
    expect(result.code).toBe(0);
    const entry = entryAt(result.stdout.trim());
    expect(entry.body).toContain('"Hi \\!\\[x\\]\\(https://tracker.example/p.gif\\) \\<img src=x\\> \\[link\\]\\(https://evil.example\\)"');
    expect(entry.body).toContain('(Message-ID ``<a`b![t](https://tracker.example/m.gif)@evil.example>``)');
    expect(entry.body).toContain('Attachments: \\!\\[i\\]\\(https://tracker.example/a.gif\\).pdf');
    // Rendered, none of it is an image or HTML: the reader sees the text as the client wrote it.
    const html = renderThroughPipeline(entry.body, { contactDetails: true });
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('Hi ![x](');
    expect(html).toContain('&#x3C;img src=x>');
  });

  it('does not take a malformed address at a staff domain for staff', async () => {
    const result = await importText(mail({ From: 'dana@evil.example@fieldstone.example' }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/From address "dana@evil\.example@fieldstone\.example" is not a valid e-mail address.*pass --direction/);
    const inbound = await importText(mail({ From: 'dana@evil.example@fieldstone.example' }), '--direction', 'inbound');
    expect(entryAt(inbound.stdout.trim()).direction).toBe('inbound');
  });

  it.each([
    ['"Priya Natarajan" <priya@evil.example>', 'it is the name of one of our people'],
    ['"Hannah Cole (staff)" <x@evil.example>', 'it calls itself staff or support'],
    ['"dana.okafor@fieldstone.example" <x@evil.example>', 'it holds another e-mail address'],
    ['"Fieldstone Support" <help@fieldstone-support.example>', 'it calls itself staff or support'],
  ])('does not publish the display name of %s as the contact', async (from, why) => {
    const result = await importText(mail({ From: from }));
    expect(result.code).toBe(0);
    const entry = entryAt(result.stdout.trim());
    const address = from.slice(from.indexOf('<') + 1, -1);
    expect(entry).toMatchObject({ direction: 'inbound', contacts: [{ name: address, email: address }] });
    expect(result.stderr).toContain(why);
  });

  it('refuses an unreadable Date like a missing one', async () => {
    const result = await importText(mail({ Date: 'yesterday at noon' }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Date header "yesterday at noon" is not a date: pass --at/);
  });

  it.each([
    ['an out-of-office reply', { 'Auto-Submitted': 'auto-replied', Subject: 'Automatic reply: Still broken?' }, /Auto-Submitted: auto-replied/],
    ['a Microsoft auto-reply', { 'X-Autoreply': 'yes' }, /X-Autoreply: yes/],
    ['a bounce', { From: 'Mail Delivery System <MAILER-DAEMON@mx.acme.example>', Subject: 'Undelivered Mail Returned to Sender', 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="r"' }, /multipart\/report/],
    ['an out-of-office by its subject', { Subject: 'Out of Office: Still broken?' }, /the subject "Out of Office/],
  ])('refuses %s as client mail, and logs it as internal when asked', async (_what, headers: Record<string, string>, reason) => {
    const body = headers['Content-Type']?.startsWith('multipart/report') ? '--r\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--r--\r\n' : 'I am out of the office.';
    const refused = await importText(mail(headers, body));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(reason);
    expect(refused.stderr).toMatch(/not the client's words; pass --direction internal/);
    const internal = await importText(mail(headers, body), '--direction', 'internal', '--author', 'dana.okafor');
    expect(entryAt(internal.stdout.trim())).toMatchObject({ direction: 'internal', verbatim: undefined });
  });

  it('caps the client’s words at 20,000 characters, even from a 4 MB body on one line', async () => {
    const result = await importText(mail({}, 'x'.repeat(4 * 1024 * 1024)));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/note: the text is 200000 characters long: the entry keeps the first 20000/);
    const entry = entryAt(result.stdout.trim());
    expect(entry.verbatim!.length).toBeLessThanOrEqual(20_002);
    expect(entry.body).toMatch(/The text is cut at 20000 characters/);
  });

  it('gives a clear error for MIME nested too deeply or too large', async () => {
    let nested = '';
    let tail = '';
    for (let i = 0; i < 3000; i++) {
      nested += `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`;
      tail = `\r\n--b${i}--\r\n${tail}`;
    }
    const deep = await importText(`From: ana.silva@acme.example\r\nDate: Mon, 2 Nov 2026 11:42:17 +0000\r\n${nested}Content-Type: text/plain\r\n\r\nhello${tail}`);
    expect(deep).toMatchObject({ code: 2 });
    expect(deep.stderr).toMatch(/mail\.eml: the e-mail has too many MIME parts \(or parts nested too deeply\) to be read/);
    const huge = await importText(mail({}, 'y'.repeat(51 * 1024 * 1024)));
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/over the 50 MB limit/);
  });

  it('warns when two entries of an incident hold the same message_id', async () => {
    const first = await importEmail('gmail-reply-from-client.eml');
    const copy = readFileSync(join(root, first.stdout.trim()), 'utf8');
    writeFileSync(join(root, `incidents/${OPEN_INCIDENT}/log/2026-11-02T1143-email-in.md`), copy.replace('at: 2026-11-02T11:42:17', 'at: 2026-11-02T11:43'));
    const findings = await checkFindings(root, '2026-11-04T16:00', [OPEN_INCIDENT]);
    expect(findings.filter((f) => f.rule === 'schema')).toEqual([
      expect.objectContaining({ severity: 'warning', file: `incidents/${OPEN_INCIDENT}/log/2026-11-02T1143-email-in.md`, message: expect.stringMatching(/^Field "message_id" is the e-mail already logged in 2026-11-02T1142-email-in\.md/) }),
    ]);
  });
});

describe('a repeated message_id across incidents', () => {
  it('is a schema warning on the later entry, in whichever incident it is', async () => {
    const first = await commlog(['import-email', join(EMAIL, 'gmail-reply-from-client.eml'), OPEN_INCIDENT, '--root', root], root);
    const second = await commlog(['import-email', join(EMAIL, 'gmail-reply-from-client.eml'), RESOLVED_INCIDENT, '--root', root, '--at', '2026-11-02T11:50'], root);
    expect([first.code, second.code]).toEqual([0, 0]);
    const findings = await checkFindings(root, '2026-11-04T16:00');
    expect(findings.filter((f) => f.rule === 'schema')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        incident: RESOLVED_INCIDENT,
        file: second.stdout.trim(),
        message: expect.stringMatching(new RegExp(`^Field "message_id" is the e-mail already logged in ${first.stdout.trim()}:`)),
      }),
    ]);
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
