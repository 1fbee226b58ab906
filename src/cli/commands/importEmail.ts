import { policyOf } from '../../core/config/config.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EmailImportProblem, entryFromEmail } from '../../core/compose/emailEntry.ts';
import { entryBaseName, entryFileText, owesNextUpdateTime } from '../../core/compose/entry.ts';
import { addressOf } from '../../core/compose/person.ts';
import { DIRECTIONS, KINDS, type Direction, type Kind } from '../../core/schema/values.ts';
import { formatLocal, formatLocalPair } from '../../core/present/instant.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { EmailReadProblem, readEmail } from '../../node/readEmail.ts';
import { readConfig } from '../../node/repository.ts';
import { UsageError } from '../usageError.ts';
import { writeNewEntryFile } from '../../node/writeNew.ts';
import { parseCommandArgs, parseNow, parseTimeFlag, rootOf } from '../args.ts';
import { EXIT_OK, type Command } from '../io.ts';
import { plural } from '../../core/present/plural.ts';

export const importEmailCommand: Command = {
  help: `Usage: commlog import-email FILE.eml INCIDENT [options]

Turns a real e-mail (RFC 5322, as saved by a mail client) into a log entry of INCIDENT and
prints the path it wrote; it never overwrites a file. Bounces and automatic replies are
refused (log them with --direction internal if they matter).

  at          the Date header (refused when it is missing or not a date: pass --at)
  message_id  the Message-ID header; a mail already in the incident's log is refused
  direction   outbound when the sender's domain is one of the config's staff_domains,
              else inbound
  contact     inbound: the sender; outbound: the recipients outside staff_domains
  cc          the Cc header
  summary     the subject, without Re:/Fwd: prefixes
  verbatim    inbound: the client's own words: the text without the history it quotes
              (headers, "On … wrote:", "> " lines, and any text already in the log) and
              without a signature ("-- " or "Sent from my iPhone"); at most 20,000 characters
  body        where it came from (subject, Message-ID, attachments); outbound: the new text
  next_update_by  outbound: the time the text promises ("next update by 14:00"), if any
  author      outbound: the sender's mailbox name; inbound: the incident's owner

Options:
  --author HANDLE         who logs it
  --at TIME               when it was sent, when the Date header is missing or wrong
  --direction D           inbound, outbound or internal, overriding staff_domains
  --kind K                ${KINDS.join(', ')}
  --category NAME         contact description
  --next-update-by TIME   for an outbound update: the next update time the mail promised
  --now TIME              the incident as of TIME (default: now)
  --root DIR              the repository (default: the current directory)
  -h, --help              show this help
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      'import-email',
      argv,
      { author: { type: 'string' }, at: { type: 'string' }, direction: { type: 'string' }, kind: { type: 'string' }, category: { type: 'string' }, 'next-update-by': { type: 'string' }, now: { type: 'string' } },
      true,
    );
    if (positionals.length !== 2) throw new UsageError(`expected FILE.eml and INCIDENT, got ${plural(positionals.length, 'argument')} (see commlog import-email --help)`);
    const [file, id] = positionals;
    const root = rootOf(values, io.cwd);
    const config = readConfig(root);
    const incident = loadOneIncident(root, id, config, parseNow(values.now, config.timezone));
    const zone = incident.zone;
    const time = (flag: string, text: string | undefined) => (text === undefined ? undefined : parseTimeFlag(flag, text, zone));
    const choice = <T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T | undefined => {
      if (text === undefined) return undefined;
      if (!(allowed as readonly string[]).includes(text.toLowerCase())) throw new UsageError(`${flag} "${text}": expected one of ${allowed.join(', ')}`);
      return text.toLowerCase() as T;
    };
    if (values.category !== undefined && config.categories.length > 0 && !config.categories.includes(values.category)) {
      throw new UsageError(`--category "${values.category}": not a category of commlog.config.yaml (one of ${config.categories.join(', ')})`);
    }

    let source: Buffer;
    try {
      source = readFileSync(resolve(io.cwd, file));
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let draft;
    try {
      const message = await readEmail(source);
      draft = entryFromEmail(message, incident, config, {
        at: time('--at', values.at),
        direction: choice<Direction>('--direction', values.direction, DIRECTIONS),
        author: values.author,
        kind: choice<Kind>('--kind', values.kind, KINDS),
        category: values.category,
      });
    } catch (error) {
      if (error instanceof EmailImportProblem || error instanceof EmailReadProblem) throw new UsageError(`${file}: ${error.message}`);
      throw error;
    }
    const nextUpdateBy = time('--next-update-by', values['next-update-by']) ?? draft.nextUpdateBy;
    if (nextUpdateBy !== undefined && nextUpdateBy < draft.at) {
      const [promised, sent] = formatLocalPair(nextUpdateBy, draft.at, zone);
      throw new UsageError(`--next-update-by (${promised}) is before the e-mail was sent (${sent})`);
    }
    const { notes, ...fields } = draft;
    const entry = { ...fields, nextUpdateBy };

    const path = writeNewEntryFile(root, `${incident.dir}/log`, entryBaseName(entry, zone), entryFileText(entry, zone));
    io.stdout.write(`${path}\n`);
    for (const note of notes) io.stderr.write(`note: ${note}\n`);
    if (draft.nextUpdateBy !== undefined && values['next-update-by'] === undefined) {
      io.stderr.write(`next_update_by ${formatLocal(draft.nextUpdateBy, zone)} read from the text of the mail: check it\n`);
    }
    if (owesNextUpdateTime(entry, incident) && nextUpdateBy === undefined) {
      io.stderr.write('note: an outbound update says when the next one comes; if the mail did, add next_update_by (or pass --next-update-by)\n');
    }
    const pm = incident.pm.email?.toLowerCase();
    if (entry.direction === 'outbound' && pm && policyOf(config, incident).policy.pmCcChannels.includes('email') && !entry.cc?.some((c) => addressOf(c) === pm)) {
      io.stderr.write(`note: the project manager (${incident.pm.email}) was not copied on this mail\n`);
    }
    return EXIT_OK;
  },
};
