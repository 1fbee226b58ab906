import { bareMessageId, planMailboxImport, type MailboxDecision, type MailboxMessage } from '../../core/compose/mailboxPlan.ts';
import { EmailImportProblem, entryFromEmail } from '../../core/compose/emailEntry.ts';
import type { EmailMessage } from '../../core/compose/emailMessage.ts';
import { entryBaseName, entryFileText, type EntryDraft } from '../../core/compose/entry.ts';
import { loadValidIncidents } from '../../node/loadIncidents.ts';
import { ImapMailbox, MailboxError, MAX_MESSAGE_BYTES } from '../../node/mailbox/imapMailbox.ts';
import { readEmail } from '../../node/readEmail.ts';
import { readConfig } from '../../node/repository.ts';
import { writeNewEntryFile } from '../../node/writeNew.ts';
import { parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { UsageError } from '../usageError.ts';
import { EXIT_OK, type Command } from '../io.ts';

export const importMailboxCommand: Command = {
  help: `Usage: commlog import-mailbox [options]

Reads a folder of the support mailbox over IMAP and turns each message into a log entry of
its incident, the way import-email does (with message_id set), then moves the message to the
done folder. A message belongs to an incident when its subject has [incident-id], or when it
replies to (In-Reply-To, References) a message already in the log. Messages it cannot place,
or cannot read, are listed and left where they are. A message whose Message-ID is already in
the log is not imported again, only moved. Mail is never deleted.

Options:
  --url URL             imaps://host[:port] (TLS) or imap://host[:port] (STARTTLS required);
                        default $COMMLOG_IMAP_URL
  --user NAME           default $COMMLOG_IMAP_USER; the password is read from
                        $COMMLOG_IMAP_PASSWORD only (never a flag: it would be in the shell history)
  --folder NAME         the folder to read (default INBOX)
  --done-folder NAME    where handled messages go (default commlog-imported; created if missing)
  --no-move             import, but leave every message where it is
  --move-logged-only    import nothing; move the messages whose Message-ID is already in the log
                        (the scheduled workflow runs this after its pull request is pushed)
  --plain-text          allow imap:// without TLS (a server on this machine only)
  --author HANDLE       who logs inbound mail (default: the incident's owner)
  --dry-run             list what it would do; write and move nothing
  --now TIME            the log as of TIME (default: now)
  --root DIR            the repository (default: the current directory)
  -h, --help            show this help
`,
  async run(argv, io) {
    const { values } = parseCommandArgs('import-mailbox', argv, {
      url: { type: 'string' },
      user: { type: 'string' },
      folder: { type: 'string', default: 'INBOX' },
      'done-folder': { type: 'string', default: 'commlog-imported' },
      'no-move': { type: 'boolean', default: false },
      'move-logged-only': { type: 'boolean', default: false },
      'plain-text': { type: 'boolean', default: false },
      author: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      now: { type: 'string' },
    });
    const url = values.url ?? io.env.COMMLOG_IMAP_URL;
    const user = values.user ?? io.env.COMMLOG_IMAP_USER;
    const password = io.env.COMMLOG_IMAP_PASSWORD;
    if (!url) throw new UsageError('no IMAP server: pass --url imaps://host or set COMMLOG_IMAP_URL');
    if (!user) throw new UsageError('no IMAP user: pass --user NAME or set COMMLOG_IMAP_USER');
    if (password === undefined) throw new UsageError('no IMAP password: set COMMLOG_IMAP_PASSWORD');
    if (values['no-move'] && values['move-logged-only']) throw new UsageError('--no-move and --move-logged-only contradict each other: pass one');
    const folder = values.folder;
    const doneFolder = values['done-folder'];
    if (folder === doneFolder) throw new UsageError(`--folder and --done-folder are both "${folder}"`);

    const root = rootOf(values, io.cwd);
    const config = readConfig(root);
    const now = parseNow(values.now, config.timezone);
    const { incidents } = loadValidIncidents(root, config, now);
    const byId = new Map(incidents.map((i) => [i.id, i]));

    let mailbox: ImapMailbox;
    try {
      mailbox = await ImapMailbox.open({ url, user, password, allowPlainText: values['plain-text'] });
    } catch (error) {
      if (error instanceof MailboxError) throw new UsageError(error.message);
      throw error;
    }
    try {
      const raw = await mailbox.messages(folder);
      const parsed = new Map<number, EmailMessage>();
      const messages: MailboxMessage[] = [];
      for (const { uid, source, size } of raw) {
        if (source === undefined) {
          messages.push({ uid, subject: '', replyTo: [], problem: `it is ${Math.round(size / 1048576)} MiB, over the ${MAX_MESSAGE_BYTES / 1048576} MiB limit` });
          continue;
        }
        try {
          const email = await readEmail(source);
          parsed.set(uid, email);
          messages.push({ uid, subject: email.subject, messageId: email.messageId ? bareMessageId(email.messageId) : undefined, replyTo: email.replyTo.map(bareMessageId) });
        } catch (error) {
          messages.push({ uid, subject: '', replyTo: [], problem: `it cannot be read as an e-mail (${(error as Error).message})` });
        }
      }

      const outcomes = planMailboxImport(messages, incidents).map(carryOut);
      const moved = outcomes.filter((o) => o.move).map((o) => o.uid);
      if (!values['dry-run'] && !values['no-move']) {
        try {
          await mailbox.move(folder, moved, doneFolder);
        } catch (error) {
          throw new UsageError(`the entries were written, but moving ${moved.length} message${moved.length === 1 ? '' : 's'} to "${doneFolder}" failed: ${(error as Error).message}; the next run moves them`);
        }
      }
      const count = (outcome: Outcome['outcome']) => outcomes.filter((o) => o.outcome === outcome).length;
      io.stdout.write(
        `${values['dry-run'] ? 'would import' : 'imported'} ${count('imported')}, already logged ${count('already logged')}, unmatched ${count('unmatched')}, unreadable ${count('unreadable')}` +
          `${values['no-move'] ? '' : `; ${values['dry-run'] ? 'would move' : 'moved'} ${moved.length} to ${doneFolder}`}\n`,
      );
      return EXIT_OK;

      /** Does what the decision says, and says what became of the message. */
      function carryOut(decision: MailboxDecision): Outcome {
        const { message } = decision;
        const what = `message ${message.uid}${message.subject ? ` "${oneLine(message.subject)}"` : ''}`;
        const left = (outcome: 'unmatched' | 'unreadable', reason: string): Outcome => {
          io.stdout.write(`${outcome}: ${what} left in ${folder}: ${reason}\n`);
          return { uid: message.uid, outcome, move: false };
        };
        switch (decision.action) {
          case 'already logged':
            io.stdout.write(`already logged: ${what} (${decision.file ?? `the same Message-ID as message ${decision.sameAs}`})\n`);
            return { uid: message.uid, outcome: 'already logged', move: true };
          case 'unmatched':
            return left('unmatched', decision.reason);
          case 'malformed':
            return left('unreadable', decision.reason);
          case 'import': {
            if (values['move-logged-only']) return { uid: message.uid, outcome: 'not imported', move: false };
            const incident = byId.get(decision.incidentId)!;
            let draft: EntryDraft;
            try {
              const { notes, ...fields } = entryFromEmail(parsed.get(message.uid)!, incident, config, { author: values.author });
              // Spoofed display names and cut texts are worth a reviewer's eye, as in import-email.
              for (const note of notes) io.stderr.write(`note: ${what}: ${note}\n`);
              draft = { ...fields, messageId: message.messageId };
            } catch (error) {
              if (!(error instanceof EmailImportProblem)) throw error;
              return left('unreadable', error.message);
            }
            const base = entryBaseName(draft, incident.zone);
            if (values['dry-run']) {
              io.stdout.write(`import: ${what} -> ${incident.dir}/log/${base}.md (${decision.matchedBy})\n`);
            } else {
              const path = writeNewEntryFile(root, `${incident.dir}/log`, base, entryFileText(draft, incident.zone));
              io.stdout.write(`imported: ${what} -> ${path} (${decision.matchedBy})\n`);
            }
            return { uid: message.uid, outcome: 'imported', move: true };
          }
        }
      }
    } finally {
      await mailbox.close();
    }
  },
};

interface Outcome {
  uid: number;
  outcome: 'imported' | 'already logged' | 'unmatched' | 'unreadable' | 'not imported';
  /** Whether the message is handled and leaves the folder. */
  move: boolean;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
