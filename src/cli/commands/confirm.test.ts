import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commlog, copyFixture, OPEN_INCIDENT } from './writingTestKit.ts';

const CALL = '2026-11-02T1015-phone-out.md';

let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => dispose());

function confirm(...args: string[]) {
  return commlog(['confirm', OPEN_INCIDENT, ...args, '--root', root], root);
}

describe('commlog confirm', () => {
  it('prints the confirmation of a call as Markdown: who, what, who does what by when, next update', async () => {
    const result = await confirm(CALL);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const md = result.stdout;
    expect(md).toMatch(/^# Confirming our call of Mon 2 Nov 10:15: Checkout returns Error 500 for every card payment\n/);
    expect(md).toContain('**To:** Ana Silva <ana.silva@acme.example>, Ben Okoro <ben.okoro@acme.example>');
    expect(md).toContain('**Cc:** Priya Natarajan <priya.natarajan@fieldstone.example>');
    expect(md).toContain('## Who took part\n\n- Ana Silva, Acme Stores\n- Ben Okoro, Head of IT, Acme Stores\n- dana.okafor (for us)\n');
    expect(md).toContain('Ben asked us not to roll back');
    expect(md).toContain(
      '## Who does what by when\n\n- We: Send the gateway rejection logs for 08:30-10:15, by Mon 2 Nov 15:00 GMT\n- Acme Stores: Place test card orders and confirm the fix end to end, by Wed 4 Nov 17:00 GMT\n',
    );
    expect(md).toContain('## Next update\n\nYou will hear from us by Mon 2 Nov 11:15 GMT at the latest.');
  });

  it('writes a ready-to-send .eml draft that a mail parser reads back', async () => {
    const result = await confirm('2026-11-02T1015-phone-out', '--format', 'eml', '--from', 'Dana Okafor <dana.okafor@fieldstone.example>');
    expect(result.code).toBe(0);
    const raw = result.stdout;
    expect(raw).toMatch(/^X-Unsent: 1\r?$/m);
    expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8\r?$/m);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Confirming our call of Mon 2 Nov 10:15: Checkout returns Error 500 for every card payment');
    expect(mail.from?.value).toEqual([{ name: 'Dana Okafor', address: 'dana.okafor@fieldstone.example' }]);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to!];
    expect(to.flatMap((a) => a.value.map((v) => v.address))).toEqual(['ana.silva@acme.example', 'ben.okoro@acme.example']);
    const cc = Array.isArray(mail.cc) ? mail.cc : [mail.cc!];
    expect(cc.flatMap((a) => a.value.map((v) => v.address))).toEqual(['priya.natarajan@fieldstone.example']);
    expect(mail.date).toBeInstanceOf(Date);
    expect(mail.text).toContain('Who does what by when:\n- We: Send the gateway rejection logs for 08:30-10:15, by Mon 2 Nov 15:00 GMT\n');
    expect(mail.text).toContain('You will hear from us by Mon 2 Nov 11:15 GMT at the latest.');
  });

  it('lists commitments still open from earlier conversations, and proposes the next update when the entry has none', async () => {
    await commlog(
      ['new', 'entry', OPEN_INCIDENT, '--root', root, '--at', '2026-11-02T12:00', '--direction', 'inbound', '--channel', 'meeting', '--contact', 'Zoë Ångström', '--contact', 'Ben Okoro <ben.okoro@acme.example>', '--summary', 'Review of the workaround with Ben and Zoë.', '--commitment', 'id=refund-list; action=List the refunds due to customers; owner=client'],
      root,
    );
    const result = await confirm('2026-11-02T1200-meeting-in.md');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Confirming our meeting of Mon 2 Nov 12:00/);
    expect(result.stdout).toContain('- Acme Stores: List the refunds due to customers (no date agreed)\n');
    expect(result.stdout).toContain('## Still open from before\n\n- We: Send the gateway rejection logs for 08:30-10:15, by Mon 2 Nov 15:00 GMT\n- Acme Stores: Place test card orders');
    // Urgent: 3h of business time after 12:00.
    expect(result.stdout).toContain('You will hear from us by Mon 2 Nov 15:00 GMT at the latest.');
    expect(result.stdout).toContain('**To:** Ben Okoro <ben.okoro@acme.example>');
    expect(result.stderr).toBe('note: no e-mail address for Zoë Ångström: add them as recipients by hand\n');
  });

  it('writes --out once and never overwrites it', async () => {
    const first = await confirm(CALL, '--out', 'confirmation.md');
    expect(first).toMatchObject({ code: 0, stdout: 'confirmation.md\n' });
    expect(readFileSync(join(root, 'confirmation.md'), 'utf8')).toMatch(/^# Confirming our call/);
    const second = await confirm(CALL, '--out', 'confirmation.md', '--format', 'eml');
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/confirmation\.md already exists/);
    expect(readFileSync(join(root, 'confirmation.md'), 'utf8')).toMatch(/^# Confirming our call/);
  });

  it.each([
    [['2026-11-02T1100-chat-note.md'], /is an internal entry: confirm a conversation with the client/],
    [['2026-11-02T0000-nothing.md'], /no log entry "2026-11-02T0000-nothing\.md"/],
    [[CALL, '--format', 'pdf'], /--format "pdf": expected one of markdown, eml/],
    [[], /expected INCIDENT and ENTRY, got 1 argument/],
  ])('refuses %j', async (args, message) => {
    const result = await confirm(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
