import { resolve } from 'node:path';
import { isoWeekOf, parseIsoWeek } from '../../core/compose/isoWeek.ts';
import { weeklyIncidents, weeklyMarkdown } from '../../core/compose/weekly.ts';
import { loadValidIncidents } from '../../node/loadIncidents.ts';
import { readConfig } from '../../node/repository.ts';
import { UsageError } from '../usageError.ts';
import { writeNewFile } from '../../node/writeNew.ts';
import { parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { EXIT_OK, type Command } from '../io.ts';

export const weeklyCommand: Command = {
  help: `Usage: commlog weekly [options]

The project manager's weekly status update, as Markdown: every incident open at some time
during the ISO week (Monday to Sunday in the config's timezone), described as of the week's
end (or now, for the week in progress) — its latest update to the client, the next deadline
it owes, its open commitments, and the communication-policy findings due that week. Open
incidents come first, by priority. Incidents whose incident.md is not valid are left out
(commlog check reports them).

Printed on stdout unless --out is given; --out never overwrites a file.

Options:
  --week YYYY-Www   the ISO week, e.g. 2026-W45 (default: the week of now)
  --now TIME        as of TIME (default: now); without an offset, in the config's timezone
  --out FILE        write to FILE instead of stdout
  --root DIR        the repository (default: the current directory)
  -h, --help        show this help
`,
  async run(argv, io) {
    const { values } = parseCommandArgs('weekly', argv, { week: { type: 'string' }, now: { type: 'string' }, out: { type: 'string' } });
    const root = rootOf(values, io.cwd);
    const config = readConfig(root);
    const zone = config.timezone;
    const now = parseNow(values.now, zone);
    const week = values.week === undefined ? isoWeekOf(now, zone) : parseIsoWeek(values.week, zone);
    if (!week) throw new UsageError(`--week "${values.week}": expected an ISO week such as 2026-W45`);
    if (week.start > now) throw new UsageError(`--week ${week.label} has not started yet (now is ${isoWeekOf(now, zone).label})`);
    const { incidents } = loadValidIncidents(root, config, now);
    const output = weeklyMarkdown(weeklyIncidents(incidents, config, week, now), week, zone, now);
    if (values.out === undefined) io.stdout.write(output);
    else {
      writeNewFile(resolve(io.cwd, values.out), output, values.out);
      io.stdout.write(`${values.out}\n`);
    }
    return EXIT_OK;
  },
};
