import { join } from 'node:path';
import { draftReport } from '../../core/compose/report.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { readConfig } from '../../node/repository.ts';
import { UsageError } from '../usageError.ts';
import { writeNewFile } from '../../node/writeNew.ts';
import { parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { EXIT_OK, type Command } from '../io.ts';

export const reportCommand: Command = {
  help: `Usage: commlog report INCIDENT [options]

Writes incidents/INCIDENT/report.md with every required heading of the config, in order, and
prints its path; it never overwrites an existing report. Filled in from the data: Date,
Reporter and Severity (from incident.md) and a Timeline of response (time, contact, action,
people) drafted from the log, without internal-only entries. Exposure, Root cause,
Resolution and Mitigation are left as <…> fill-ins: \`commlog check\` reports them as
report-empty until a person has written them.

Options:
  --now TIME    the incident as of TIME (default: now)
  --root DIR    the repository (default: the current directory)
  -h, --help    show this help
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('report', argv, { now: { type: 'string' } }, true);
    if (positionals.length !== 1) throw new UsageError(`expected one INCIDENT id, got ${positionals.length} (see commlog report --help)`);
    const root = rootOf(values, io.cwd);
    const config = readConfig(root);
    const incident = loadOneIncident(root, positionals[0], config, parseNow(values.now, config.timezone));
    const path = `${incident.dir}/report.md`;
    writeNewFile(join(root, path), `${draftReport(incident, config)}\n`, path);
    io.stdout.write(`${path}\n`);
    return EXIT_OK;
  },
};
