import { resolve } from 'node:path';
import { draftText, fillTemplate, parseTemplate, TemplateProblem } from '../../core/compose/template.ts';
import { emlDraft } from '../../node/eml.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { readConfig } from '../../node/repository.ts';
import { UsageError } from '../usageError.ts';
import { listTemplates, readTemplate } from '../../node/templates.ts';
import { writeNewFile } from '../../node/writeNew.ts';
import { oneOf, parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { EXIT_OK, type Command } from '../io.ts';

export const draftCommand: Command = {
  help: `Usage: commlog draft INCIDENT --template NAME [options]
       commlog draft --list

Fills a message template in with the incident's facts and the next update time the policy
proposes for a message sent now (the earliest deadline \`commlog due\` would give after it),
and prints the message: To, Cc and Subject lines, then the body. Parts only a person can
write stay as <…> fill-ins. Templates come from the repository's templates/ folder, else
from the ones bundled with commlog (templates/README.md: the customer notification plan).

Printed on stdout unless --out is given; --out never overwrites a file.

Options:
  --template NAME   e.g. acknowledgement-client, outage-update-client, resolved-client,
                    planned-maintenance-client (and -partner, -internal)
  --list            list the templates
  --format FORMAT   text (default) or eml: an e-mail draft (X-Unsent: 1)
  --from MAILBOX    the draft's From (eml)
  --now TIME        draft as of TIME (default: now)
  --out FILE        write to FILE instead of stdout
  --root DIR        the repository (default: the current directory)
  -h, --help        show this help
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      'draft',
      argv,
      { template: { type: 'string' }, list: { type: 'boolean' }, format: { type: 'string' }, from: { type: 'string' }, now: { type: 'string' }, out: { type: 'string' } },
      true,
    );
    const root = rootOf(values, io.cwd);
    if (values.list) {
      io.stdout.write(`${listTemplates(root).join('\n')}\n`);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError(`expected one INCIDENT id, got ${positionals.length} (see commlog draft --help)`);
    if (values.template === undefined) throw new UsageError(`missing --template NAME (templates: ${listTemplates(root).join(', ')})`);
    const format = oneOf('--format', values.format, ['text', 'eml'] as const, 'text');
    const config = readConfig(root);
    const now = parseNow(values.now, config.timezone);
    const incident = loadOneIncident(root, positionals[0], config, now);
    const file = readTemplate(root, values.template);
    let message;
    try {
      message = fillTemplate(parseTemplate(file.name, file.text), incident, config, now);
    } catch (error) {
      if (error instanceof TemplateProblem) throw new UsageError(`template ${file.path}: ${error.message}`);
      throw error;
    }
    const output = format === 'text' ? draftText(message) : await emlDraft({ from: values.from, to: message.to, cc: message.cc, subject: message.subject, text: `${message.body}\n`, date: new Date(now) });
    if (values.out === undefined) io.stdout.write(output);
    else {
      writeNewFile(resolve(io.cwd, values.out), output, values.out);
      io.stdout.write(`${values.out}\n`);
    }
    return EXIT_OK;
  },
};
