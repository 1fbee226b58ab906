import { resolve } from 'node:path';
import { entryBaseName, entryFileText } from '../../core/compose/entry.ts';
import { reportEmail } from '../../core/compose/shareReport.ts';
import { emlDraft } from '../../node/eml.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { readConfig } from '../../node/repository.ts';
import { writeNewFile } from '../../node/writeNew.ts';
import { oneOf, parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { EXIT_OK, type Command } from '../io.ts';
import { plural } from '../../core/present/plural.ts';
import { UsageError } from '../usageError.ts';

export const shareReportCommand: Command = {
  help: `Usage: commlog share-report INCIDENT [options]

Circulates the incident response report: an e-mail with report.md to the client (the
reporter and every contact of the log), the project manager copied, and the log entry
(kind report-sent) that records it once sent (rule report-shared).

The draft is printed on stdout, or written to --out FILE (never over a file); the entry
follows on stdout after --out's path, else on stderr, so that stdout holds only the draft.

Options:
  --format FORMAT   markdown (default) or eml: a ready-to-send e-mail draft (RFC 5322,
                    UTF-8 text, X-Unsent: 1 so mail clients open it as a draft)
  --out FILE        write the draft to FILE instead of stdout
  --from MAILBOX    the draft's From, e.g. "Dana Okafor <dana@ourcompany.example>"
  --author HANDLE   who sends it, for the entry (default: the incident's owner)
  --now TIME        the draft's Date and the entry's at (default: now)
  --root DIR        the repository (default: the current directory)
  -h, --help        show this help
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      'share-report',
      argv,
      { format: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, author: { type: 'string' }, now: { type: 'string' } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError(`expected INCIDENT, got ${plural(positionals.length, 'argument')} (see commlog share-report --help)`);
    const format = oneOf('--format', values.format, ['markdown', 'eml'] as const, 'markdown');
    const root = rootOf(values, io.cwd);
    const config = readConfig(root);
    const now = parseNow(values.now, config.timezone);
    const incident = loadOneIncident(root, positionals[0], config, now);
    if (!incident.report) throw new UsageError(`incidents/${incident.id} has no report.md: write it first (commlog report ${incident.id})`);
    const author = values.author ?? incident.owner;
    if (author === undefined) throw new UsageError(`incidents/${incident.id}/incident.md has no owner: say who sends the report with --author HANDLE`);

    const mail = reportEmail(incident, incident.report, now, author);
    const draft = format === 'markdown' ? mail.markdown : await emlDraft({ from: values.from, to: mail.to, cc: mail.cc, subject: mail.subject, text: mail.text, date: new Date(now) });
    const entryPath = `${incident.dir}/log/${entryBaseName(mail.entry, incident.zone)}.md`;
    const entry = `Once sent, record it as ${entryPath}:\n\n${entryFileText(mail.entry, incident.zone)}`;
    if (values.out === undefined) {
      io.stdout.write(draft);
      io.stderr.write(entry);
    } else {
      writeNewFile(resolve(io.cwd, values.out), draft, values.out);
      io.stdout.write(`${values.out}\n\n${entry}`);
    }
    if (mail.unreachable.length > 0) io.stderr.write(`note: no e-mail address for ${mail.unreachable.join(', ')}: add them as recipients by hand\n`);
    if (incident.status === 'open') io.stderr.write(`note: ${incident.id} is still open: the report is usually circulated once the incident is closed\n`);
    return EXIT_OK;
  },
};
