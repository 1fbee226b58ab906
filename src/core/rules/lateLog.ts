// late-log: a log entry was committed long after the contact it records (quality.md). The
// node adapter reads when each entry was first committed (quality/logHistory.ts); without it
// (not a git work tree, or a caller with no history) the rule is silently off.
import { dayAndTime, near } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import { formatDuration } from '../present/duration.ts';
import { loggedInstant, loggedState } from '../quality/logHistory.ts';
import { defineRule } from './rule.ts';

export const lateLog = defineRule({
  id: 'late-log',
  family: 'compliance',
  severity: 'warning',
  summary: 'a log entry was committed long after the contact it records',
  dueLabel: 'entry due in the log',
  docs:
    "Only inside a git work tree. An entry's logged time is the author date of the first commit that added its file on the current branch's first-parent history, or Now for a file not committed yet (untracked or only staged); it is late when that is after `at + log_within` (default 24h, wall clock). With `--since REF` only entries added since REF are judged; in a shallow clone an entry already present in the boundary commit is not. Log each contact as it happens: rubbish in, rubbish out.",
  run(incident, context) {
    const { logWithin } = context.config;
    const { zone } = incident;
    const allows = `log_within allows ${formatDuration(logWithin)}`;
    const out = [];
    for (const entry of incident.entries) {
      const logged = loggedInstant(context.logHistory, entry.file, context.now);
      const due = entry.at + logWithin;
      if (logged === undefined || logged <= due) continue;
      const after = formatDuration(logged - entry.at);
      const committed = typeof loggedState(context.logHistory, entry.file) === 'number';
      out.push({
        file: entry.file,
        line: entryLine(entry, 'at'),
        message: committed
          ? `Entry committed ${after} after the contact at ${dayAndTime(zone, entry.at)} (${allows}): it was due in the log by ${near(zone, due, entry.at)}; log contacts as they happen`
          : `Entry not committed yet, ${after} after the contact at ${dayAndTime(zone, entry.at)} (${allows}): it was due in the log by ${near(zone, due, entry.at)}; commit it now`,
        due,
      });
    }
    return out;
  },
});
