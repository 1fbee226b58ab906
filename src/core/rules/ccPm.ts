// cc-pm: a written update did not copy the project manager (rules.md).
import { cadenceContext } from '../cadence/context.ts';
import { dayAndTime } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import { obligationsOfRule } from '../obligations/schedule.ts';
import { defineRule } from './rule.ts';

export { ccAddress } from '../obligations/schedule.ts';

export const ccPm = defineRule({
  id: 'cc-pm',
  family: 'compliance',
  severity: 'warning',
  summary: 'a written update did not copy the project manager',
  docs: "An update on a channel of `pm_cc_channels` does not copy the incident's project manager (`pm.email`, compared ignoring case, in `cc`). Copy them on written updates.",
  run(incident, context) {
    const ctx = cadenceContext(incident, context);
    return obligationsOfRule(ctx, 'cc-pm')
      .filter((o) => o.missed)
      .map(({ entry }) => ({
        file: entry.file,
        line: entryLine(entry, 'cc'),
        message: `The ${entry.channel} update of ${dayAndTime(ctx.zone, entry.at)} did not copy the project manager (${incident.pm.email}): copy them on written updates`,
      }));
  },
});
