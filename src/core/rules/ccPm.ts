// cc-pm: a written update did not copy the project manager (rules.md).
import { cadenceContext } from '../cadence/context.ts';
import { dayAndTime } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import type { FindingDetail } from '../findings.ts';
import { defineRule } from './rule.ts';

/** The address of a cc entry: the part inside `<…>` of `Name <address>`, else the whole. */
export function ccAddress(cc: string): string {
  const m = /<([^>]*)>/.exec(cc);
  return (m ? m[1] : cc).trim().toLowerCase();
}

export const ccPm = defineRule({
  id: 'cc-pm',
  family: 'compliance',
  severity: 'warning',
  summary: 'a written update did not copy the project manager',
  docs: "An update on a channel of `pm_cc_channels` does not copy the incident's project manager (`pm.email`, compared ignoring case, in `cc`). Copy them on written updates.",
  run(incident, context) {
    const pmEmail = incident.pm.email?.trim().toLowerCase();
    // Without the PM's address there is nothing to compare; the schema rule reports it missing.
    if (!pmEmail) return [];
    const ctx = cadenceContext(incident, context);
    const channels = new Set<string>(ctx.judgedBy.policy.pmCcChannels);
    const findings: FindingDetail[] = [];
    for (const update of ctx.updates) {
      if (!channels.has(update.channel) || update.cc.some((cc) => ccAddress(cc) === pmEmail)) continue;
      findings.push({
        file: update.file,
        line: entryLine(update, 'cc'),
        message: `The ${update.channel} update of ${dayAndTime(ctx.zone, update.at)} did not copy the project manager (${incident.pm.email}): copy them on written updates`,
      });
    }
    return findings;
  },
});
