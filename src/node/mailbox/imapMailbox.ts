// The support mailbox over IMAP, through imapflow: list a folder's messages with their raw
// source, and move messages to the done folder. Nothing here deletes mail.
import { ImapFlow } from 'imapflow';

export interface MailboxAddress {
  /** `imaps://host[:port]` (TLS from the start), or `imap://host[:port]` (STARTTLS required). */
  url: string;
  user: string;
  password: string;
  /** Plain-text IMAP without TLS: only for a server on this machine. */
  allowPlainText?: boolean;
}

export interface RawMessage {
  uid: number;
  source: Buffer;
}

/** Larger messages are left in the mailbox unread: no contact with a client needs more. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export class MailboxError extends Error {}

function connection(address: MailboxAddress): ImapFlow {
  let url: URL;
  try {
    url = new URL(address.url);
  } catch {
    throw new MailboxError(`the IMAP URL "${address.url}" is not a URL: expected imaps://host[:port] or imap://host[:port]`);
  }
  if (url.protocol !== 'imaps:' && url.protocol !== 'imap:') {
    throw new MailboxError(`the IMAP URL "${address.url}" is not imaps:// or imap://`);
  }
  const implicitTls = url.protocol === 'imaps:';
  const plain = !implicitTls && address.allowPlainText === true;
  return new ImapFlow({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : implicitTls ? 993 : 143,
    secure: implicitTls,
    doSTARTTLS: plain ? false : implicitTls ? undefined : true,
    auth: { user: address.user, pass: address.password },
    logger: false,
    connectionTimeout: 30_000,
  });
}

/** An open session on one mailbox; `close()` logs out. */
export class ImapMailbox {
  private readonly client: ImapFlow;

  private constructor(client: ImapFlow) {
    this.client = client;
  }

  static async open(address: MailboxAddress): Promise<ImapMailbox> {
    const client = connection(address);
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      throw new MailboxError(`cannot log in to ${address.url} as ${address.user}: ${(error as Error & { responseText?: string }).responseText ?? (error as Error).message}`);
    }
    return new ImapMailbox(client);
  }

  /** Every message of `folder`, oldest first; oversized ones come with no source. */
  async messages(folder: string): Promise<{ uid: number; source?: Buffer; size: number }[]> {
    const lock = await this.lock(folder);
    try {
      const sizes: { uid: number; size: number }[] = [];
      if (this.client.mailbox === false || this.client.mailbox.exists === 0) return [];
      for await (const message of this.client.fetch('1:*', { uid: true, size: true }, { uid: false })) {
        sizes.push({ uid: message.uid, size: message.size ?? 0 });
      }
      const out: { uid: number; source?: Buffer; size: number }[] = [];
      for (const { uid, size } of sizes) {
        if (size > MAX_MESSAGE_BYTES) {
          out.push({ uid, size });
          continue;
        }
        const fetched = await this.client.fetchOne(String(uid), { source: true }, { uid: true });
        out.push({ uid, size, source: fetched ? fetched.source : undefined });
      }
      return out;
    } finally {
      lock.release();
    }
  }

  /** Moves messages to `destination`, creating that folder when it does not exist. */
  async move(folder: string, uids: readonly number[], destination: string): Promise<void> {
    if (uids.length === 0) return;
    const existing = await this.client.list();
    if (!existing.some((m) => m.path === destination)) await this.client.mailboxCreate(destination);
    const lock = await this.lock(folder);
    try {
      await this.client.messageMove(uids.join(','), destination, { uid: true });
    } finally {
      lock.release();
    }
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => this.client.close());
  }

  private async lock(folder: string) {
    try {
      return await this.client.getMailboxLock(folder);
    } catch (error) {
      throw new MailboxError(`cannot open the folder "${folder}": ${(error as Error & { responseText?: string }).responseText ?? (error as Error).message}`);
    }
  }
}
