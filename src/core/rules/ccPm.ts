// cc-pm: a written update did not copy the project manager (rules.md).
import { cadenceContext } from '../cadence/context.ts';
import { dayAndTime } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import type { RuleFinding } from '../findings.ts';
import type { Rule } from './rule.ts';

/** The address of a cc entry: the part inside `<…>` of `Name <address>`, else the whole. */
export function ccAddress(cc: string): string {
  const m = /<([^>]*)>/.exec(cc);
  return (m ? m[1] : cc).trim().toLowerCase();
}

export const ccPm: Rule = (incident, context) => {
  const pmEmail = incident.pm.email?.trim().toLowerCase();
  // Without the PM's address there is nothing to compare; the schema rule reports it missing.
  if (!pmEmail) return [];
  const ctx = cadenceContext(incident, context);
  const channels = new Set<string>(ctx.judgedBy.policy.pmCcChannels);
  const findings: RuleFinding[] = [];
  for (const update of ctx.updates) {
    if (!channels.has(update.channel) || update.cc.some((cc) => ccAddress(cc) === pmEmail)) continue;
    findings.push({
      rule: 'cc-pm',
      file: update.file,
      line: entryLine(update, 'cc'),
      message: `The ${update.channel} update of ${dayAndTime(ctx.zone, update.at)} did not copy the project manager (${incident.pm.email}): copy them on written updates`,
    });
  }
  return findings;
};
