// `commlog import-mailbox` against a real IMAP server: Dovecot on 127.0.0.1, started for these
// tests with a throwaway configuration, user and maildir.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dovecotMissing, startDovecot, type TestImapServer } from '../../node/mailbox/testing/dovecot.ts';
import { main } from '../main.ts';
import { checkFindings, copyFixture, OPEN_INCIDENT, RESOLVED_INCIDENT, type Run } from './writingTestKit.ts';

const missing = dovecotMissing();
if (missing) console.warn(`import-mailbox tests skipped: ${missing}`);

let server: TestImapServer;
let root: string;
let dispose: () => void;

beforeAll(async () => {
  if (!missing) server = await startDovecot();
}, 30_000);
afterAll(async () => server?.stop());
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(async () => {
  dispose();
  if (server) await emptyMailbox();
});

async function withImap<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const port = Number(new URL(server.url).port);
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user: server.user, pass: server.password }, logger: false });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

async function deliver(...messages: string[]): Promise<void> {
  await withImap(async (client) => {
    for (const text of messages) await client.append('INBOX', text.replace(/\r?\n/g, '\r\n'));
  });
}

/** The subjects in each folder, sorted. */
async function folders(): Promise<Record<string, string[]>> {
  return withImap(async (client) => {
    const out: Record<string, string[]> = {};
    for (const box of await client.list()) {
      const lock = await client.getMailboxLock(box.path);
      const subjects: string[] = [];
      try {
        if (client.mailbox && client.mailbox.exists > 0) {
          for await (const m of client.fetch('1:*', { envelope: true })) subjects.push(m.envelope?.subject ?? '');
        }
      } finally {
        lock.release();
      }
      out[box.path] = subjects.sort();
    }
    return out;
  });
}

async function emptyMailbox(): Promise<void> {
  await withImap(async (client) => {
    for (const box of await client.list()) {
      const lock = await client.getMailboxLock(box.path);
      try {
        if (client.mailbox && client.mailbox.exists > 0) await client.messageDelete('1:*');
      } finally {
        lock.release();
      }
    }
  });
}

async function importMailbox(...flags: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const env = { COMMLOG_IMAP_URL: server.url, COMMLOG_IMAP_USER: server.user, COMMLOG_IMAP_PASSWORD: server.password };
  const code = await main(['import-mailbox', '--root', root, '--plain-text', ...flags], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env, cwd: root });
  return { code, stdout, stderr };
}

function mail(fields: { id: string; subject: string; date?: string; from?: string; references?: string; body?: string }): string {
  return [
    `From: ${fields.from ?? 'Ana Silva <ana.silva@acme.example>'}`,
    'To: Support <support@fieldstone.example>',
    `Subject: ${fields.subject}`,
    ...(fields.date === undefined ? ['Date: Mon, 02 Nov 2026 11:30:00 +0000'] : fields.date ? [`Date: ${fields.date}`] : []),
    `Message-ID: <${fields.id}>`,
    ...(fields.references ? [`In-Reply-To: <${fields.references}>`, `References: <${fields.references}>`] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    fields.body ?? 'Still broken here.',
    '',
  ].join('\n');
}

const logOf = (id: string) => readdirSync(join(root, 'incidents', id, 'log')).sort();

describe.skipIf(missing)('commlog import-mailbox', () => {
  it('imports a tagged message and a reply to it, leaves the rest, and a second run changes nothing', async () => {
    const before = logOf(OPEN_INCIDENT);
    await deliver(
      mail({ id: 'tagged-1@acme.example', subject: `Re: [${OPEN_INCIDENT}] Checkout still failing`, body: 'Checkout fails for Visa cards too.' }),
      mail({ id: 'unmatched-1@acme.example', subject: 'A question about invoices' }),
      mail({ id: 'nodate-1@acme.example', subject: `[${OPEN_INCIDENT}] undated`, date: '' }),
      mail({ id: 'tagged-1@acme.example', subject: `Re: [${OPEN_INCIDENT}] Checkout still failing`, body: 'the same message, delivered twice' }),
    );

    const first = await importMailbox();
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/imported: message \d+ "Re: \[.*\] Checkout still failing" -> incidents\/2026-11-02-acme-checkout-500\/log\/2026-11-02T1130-email-in\.md \(subject tag\)/);
    expect(first.stdout).toMatch(/unmatched: message \d+ "A question about invoices" left in INBOX/);
    expect(first.stdout).toMatch(/unreadable: message \d+ ".*undated" left in INBOX: .*Date/);
    expect(first.stdout).toMatch(/imported 1, already logged 1, unmatched 1, unreadable 1; moved 2 to commlog-imported/);

    const added = logOf(OPEN_INCIDENT).filter((f) => !before.includes(f));
    expect(added).toEqual(['2026-11-02T1130-email-in.md']);
    const text = readFileSync(join(root, 'incidents', OPEN_INCIDENT, 'log', added[0]), 'utf8');
    expect(text).toMatch(/^message_id: tagged-1@acme\.example$/m);
    expect(text).toMatch(/Checkout fails for Visa cards too\./);
    expect(text).not.toMatch(/delivered twice/);
    expect(await folders()).toEqual({
      INBOX: ['A question about invoices', `[${OPEN_INCIDENT}] undated`],
      'commlog-imported': [`Re: [${OPEN_INCIDENT}] Checkout still failing`, `Re: [${OPEN_INCIDENT}] Checkout still failing`],
    });

    // A reply by References only, with no tag: the log knows the message it answers.
    await deliver(mail({ id: 'reply-2@acme.example', subject: 'Re: Checkout still failing', references: 'tagged-1@acme.example', date: 'Mon, 02 Nov 2026 12:05:00 +0000' }));
    const second = await importMailbox();
    expect(second.stdout).toMatch(/imported: .* -> incidents\/2026-11-02-acme-checkout-500\/log\/2026-11-02T1205-email-in\.md \(reply to a logged message\)/);

    const third = await importMailbox();
    expect(third.stdout).toMatch(/imported 0, already logged 0, unmatched 1, unreadable 1; moved 0/);
    expect(logOf(OPEN_INCIDENT).filter((f) => !before.includes(f))).toEqual(['2026-11-02T1130-email-in.md', '2026-11-02T1205-email-in.md']);

    const findings = await checkFindings(root, '2026-11-02T12:30', [OPEN_INCIDENT]);
    expect(findings.filter((f) => f.rule === 'schema')).toEqual([]);
  }, 60_000);

  it('moves a message already in the log again without a second entry (a run that stopped before moving)', async () => {
    await deliver(mail({ id: 'once@acme.example', subject: `[${RESOLVED_INCIDENT}] thanks`, date: 'Tue, 27 Oct 2026 12:00:00 +0000' }));
    expect((await importMailbox('--no-move')).stdout).toMatch(/imported 1, already logged 0, unmatched 0, unreadable 0\n/);
    expect((await folders()).INBOX).toEqual([`[${RESOLVED_INCIDENT}] thanks`]);
    const entries = logOf(RESOLVED_INCIDENT);

    const moved = await importMailbox('--move-logged-only');
    expect(moved.stdout).toMatch(/already logged: message \d+ .* \(incidents\/2026-10-26-acme-slow-search\/log\/2026-10-27T1200-email-in\.md\)/);
    expect(logOf(RESOLVED_INCIDENT)).toEqual(entries);
    expect(await folders()).toEqual({ INBOX: [], 'commlog-imported': [`[${RESOLVED_INCIDENT}] thanks`] });
  }, 60_000);

  it('--dry-run writes and moves nothing', async () => {
    await deliver(mail({ id: 'dry@acme.example', subject: `[${OPEN_INCIDENT}] update?` }));
    const run = await importMailbox('--dry-run');
    expect(run.stdout).toMatch(/import: message \d+ .* -> incidents\/2026-11-02-acme-checkout-500\/log\/2026-11-02T1130-email-in\.md/);
    expect(run.stdout).toMatch(/would import 1, .*would move 1/);
    expect(existsSync(join(root, 'incidents', OPEN_INCIDENT, 'log', '2026-11-02T1130-email-in.md'))).toBe(false);
    expect((await folders()).INBOX).toHaveLength(1);
  }, 60_000);

  it('records a spoofed display name by address and says so, as import-email does', async () => {
    await deliver(mail({ id: 'spoof@elsewhere.example', subject: `[${OPEN_INCIDENT}] please reset`, from: 'Fieldstone Support <help@elsewhere.example>' }));
    const run = await importMailbox();
    expect(run.stderr).toMatch(/^note: message \d+ ".*please reset": the display name "Fieldstone Support" of help@elsewhere\.example is not used \(it calls itself staff or support/m);
    const text = readFileSync(join(root, 'incidents', OPEN_INCIDENT, 'log', '2026-11-02T1130-email-in.md'), 'utf8');
    expect(text).not.toMatch(/Fieldstone Support/);
  }, 60_000);

  it('says which setting is missing, and refuses a wrong password with the server named', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: root };
    expect(await main(['import-mailbox', '--root', root], io)).toBe(2);
    expect(stderr).toMatch(/no IMAP server: pass --url/);
    stderr = '';
    const wrong = { ...io, env: { COMMLOG_IMAP_URL: server.url, COMMLOG_IMAP_USER: server.user, COMMLOG_IMAP_PASSWORD: 'wrong' } };
    expect(await main(['import-mailbox', '--root', root, '--plain-text'], wrong)).toBe(2);
    expect(stderr).toMatch(/cannot log in to imap:\/\/127\.0\.0\.1:\d+ as support/);
  }, 60_000);

  it('refuses imap:// without TLS unless told it is a local server', async () => {
    let stderr = '';
    const env = { COMMLOG_IMAP_URL: server.url, COMMLOG_IMAP_USER: server.user, COMMLOG_IMAP_PASSWORD: server.password };
    const code = await main(['import-mailbox', '--root', root], { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env, cwd: root });
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot log in to imap:\/\/127\.0\.0\.1/);
  }, 60_000);
});
