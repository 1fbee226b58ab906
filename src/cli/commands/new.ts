// `commlog new incident` and `commlog new entry INCIDENT`: each in its own module (new/), this
// one only dispatches and holds the shared help.
import { UsageError } from '../usageError.ts';
import type { Command } from '../io.ts';
import { newEntry, NEW_ENTRY_HELP } from './new/entry.ts';
import { newIncident, NEW_INCIDENT_HELP } from './new/incident.ts';

const HELP = `Usage: commlog new incident [options]
       commlog new entry INCIDENT [options]

Scaffolds a file a person then edits, prints the path it wrote, and never overwrites a file.
On a terminal, every required flag left out is asked for (with the policy's proposal as the
default); elsewhere a missing required flag is a usage error.

${NEW_INCIDENT_HELP}
${NEW_ENTRY_HELP}
TIME is a timestamp such as 2026-11-02T09:05 (wall-clock time in the incident's zone) or
2026-11-02T09:05Z. Options for both: --now TIME (what "now" means above; without an offset,
in the config's timezone), --root DIR (default: the current directory), -h, --help.
`;

export const newCommand: Command = {
  help: HELP,
  async run(argv, io) {
    const [what, ...rest] = argv;
    if (what === 'incident') return newIncident(rest, io);
    if (what === 'entry') return newEntry(rest, io);
    throw new UsageError(`expected "new incident" or "new entry INCIDENT"${what === undefined ? '' : `, not "new ${what}"`} (see commlog new --help)`);
  },
};
