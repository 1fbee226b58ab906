import { join, resolve } from 'node:path';
import { confirmation } from '../../core/compose/confirm.ts';
import type { Incident, LogEntry } from '../../core/model.ts';
import { emlDraft } from '../../node/eml.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { readConfig } from '../../node/repository.ts';
import { UsageError } from '../usageError.ts';
import { writeNewFile } from '../../node/writeNew.ts';
import { oneOf, parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { EXIT_OK, type Command } from '../io.ts';
import { plural } from '../../core/present/plural.ts';

export const confirmCommand: Command = {
  help: `Usage: commlog confirm INCIDENT ENTRY [options]

"Put it in writing": a confirmation of the conversation logged in ENTRY (its file name in
incidents/INCIDENT/log, with or without .md) — who took part, what was discussed, every
commitment on both sides with its owner and due date, the commitments still open from
before, and when the next update comes (the entry's next_update_by, else the time the
policy proposes). Addressed to the entry's contacts, with the project manager and the
entry's cc copied.

Printed on stdout unless --out is given; --out never overwrites a file.

Options:
  --format FORMAT   markdown (default) or eml: a ready-to-send e-mail draft (RFC 5322,
                    UTF-8 text, X-Unsent: 1 so mail clients open it as a draft)
  --out FILE        write to FILE instead of stdout
  --from MAILBOX    the draft's From, e.g. "Dana Okafor <dana@ourcompany.example>"
                    (default: none; the mail client fills it in)
  --now TIME        the draft's Date, and the incident as of TIME (default: now)
  --root DIR        the repository (default: the current directory)
  -h, --help        show this help
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('confirm', argv, { format: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, now: { type: 'string' } }, true);
    if (positionals.length !== 2) throw new UsageError(`expected INCIDENT and ENTRY, got ${plural(positionals.length, 'argument')} (see commlog confirm --help)`);
    const format = oneOf('--format', values.format, ['markdown', 'eml'] as const, 'markdown');
    const root = rootOf(values, io.cwd);
    const config = readConfig(root);
    const now = parseNow(values.now, config.timezone);
    const incident = loadOneIncident(root, positionals[0], config, now);
    const entry = findEntry(incident, positionals[1]);
    if (entry.direction === 'internal' || entry.contacts.length === 0) {
      throw new UsageError(`${entry.name} is an internal entry: confirm a conversation with the client`);
    }
    const c = confirmation(incident, entry, config);
    const output = format === 'markdown' ? c.markdown : await emlDraft({ from: values.from, to: c.to, cc: c.cc, subject: c.subject, text: c.text, date: new Date(now) });
    if (values.out === undefined) io.stdout.write(output);
    else {
      writeNewFile(resolve(io.cwd, values.out), output, values.out);
      io.stdout.write(`${values.out}\n`);
    }
    if (c.unreachable.length > 0) io.stderr.write(`note: no e-mail address for ${c.unreachable.join(', ')}: add them as recipients by hand\n`);
    return EXIT_OK;
  },
};

function findEntry(incident: Incident, name: string): LogEntry {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const wanted = base.endsWith('.md') ? base : `${base}.md`;
  const entry = incident.entries.find((e) => e.name === wanted);
  if (!entry) throw new UsageError(`no log entry "${wanted}" in ${join(incident.dir, 'log')} (or it is not valid: commlog check ${incident.id})`);
  return entry;
}
