import { styleText } from 'node:util';
import { compareObligations, dueObligations, type Obligation } from '../../core/obligations/due.ts';
import { parseDuration } from '../../core/time/timestamp.ts';
import { formatInstantIso } from '../../core/time/zone.ts';
import { formatLocal } from '../../core/present/instant.ts';
import { loadValidIncidents } from '../../node/loadIncidents.ts';
import { listIncidentIds, readConfig } from '../../node/repository.ts';
import { UsageError } from '../usageError.ts';
import { oneOf, parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { useColour } from '../format/text.ts';
import { EXIT_OK, type Command } from '../io.ts';
import { plural } from '../../core/present/plural.ts';

export const dueCommand: Command = {
  help: `Usage: commlog due [INCIDENT...] [options]

For every open incident (or only those named), the next deadline of each obligation that
applies: the acknowledgement, the maximum gap between updates, the promised next update,
the daily update windows, the weekly update, and every open commitment — overdue ones
first, then by time.

Options:
  --now TIME          as of TIME (default: now); without an offset, in the config's timezone
  --within DURATION   only deadlines before Now + DURATION (e.g. 30m, 2h, 1h30m)
  --format FORMAT     text (default) or json
  --root DIR          the repository (default: the current directory)
  -h, --help          show this help
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('due', argv, { now: { type: 'string' }, within: { type: 'string' }, format: { type: 'string' } }, true);
    const root = rootOf(values, io.cwd);
    const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
    const config = readConfig(root);
    const now = parseNow(values.now, config.timezone);
    const within = values.within === undefined ? Infinity : parseDuration(values.within);
    if (within === null) throw new UsageError(`--within "${values.within}": expected a duration such as 30m, 3h or 1h30m`);

    const known = new Set(listIncidentIds(root));
    for (const id of positionals) if (!known.has(id)) throw new UsageError(`unknown incident "${id}": no folder incidents/${id}`);
    // An invalid incident owes nothing that can be computed: `check` reports why.
    const { incidents } = loadValidIncidents(root, config, now, positionals.length > 0 ? positionals : undefined);
    const obligations: Obligation[] = [];
    for (const incident of incidents) {
      for (const o of dueObligations(incident, { config, now })) if (o.due < now + within) obligations.push(o);
    }
    obligations.sort(compareObligations);

    if (format === 'json') {
      const document = {
        version: 1,
        now: new Date(now).toISOString().replace(/\.000Z$/, 'Z'),
        obligations: obligations.map((o) => ({
          incident: o.incident,
          rule: o.rule,
          due: formatInstantIso(o.zone, o.due),
          overdue: o.overdue,
          ...(o.window === undefined ? {} : { window: o.window }),
          ...(o.commitment === undefined ? {} : { commitment: o.commitment }),
          message: o.message,
        })),
      };
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return EXIT_OK;
    }
    const colour = useColour(io.stdout, io.env);
    const paint = (style: Parameters<typeof styleText>[0], text: string) => (colour ? styleText(style, text, { validateStream: false }) : text);
    if (obligations.length === 0) {
      io.stdout.write(paint('green', `✔ Nothing is owed${within === Infinity ? '' : ` within ${values.within}`}.\n`));
      return EXIT_OK;
    }
    const lines = obligations.map((o) => {
      const when = formatLocal(o.due, o.zone);
      const mark = o.overdue ? paint('red', 'OVERDUE') : paint('yellow', 'due    ');
      return `${mark} ${when}  ${paint('bold', o.incident)}  ${paint('cyan', o.rule)}\n        ${o.message}`;
    });
    const overdue = obligations.filter((o) => o.overdue).length;
    lines.push('', `${plural(obligations.length, 'obligation')}, ${overdue} overdue.`);
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
