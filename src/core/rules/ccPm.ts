// cc-pm: a written update did not copy the project manager (rules.md).
import { dayAndTime } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import { findingsOfMissed } from './missedObligations.ts';
import { defineRule } from './rule.ts';

export { ccAddress } from '../obligations/schedule.ts';

export const ccPm = defineRule({
  id: 'cc-pm',
  family: 'compliance',
  severity: 'warning',
  summary: 'a written update did not copy the project manager',
  docs: "An update on a channel of `pm_cc_channels` does not copy the incident's project manager (`pm.email`, compared ignoring case, in `cc`). Copy them on written updates.",
  run: findingsOfMissed('cc-pm', ({ entry }, { incident, zone }) => ({
    file: entry.file,
    line: entryLine(entry, 'cc'),
    message: `The ${entry.channel} update of ${dayAndTime(zone, entry.at)} did not copy the project manager (${incident.pm.email}): copy them on written updates`,
  })),
});
