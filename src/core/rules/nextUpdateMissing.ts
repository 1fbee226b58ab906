// next-update-missing: an update did not tell the client when the next one comes (rules.md).
import { cadenceContext } from '../cadence/context.ts';
import { dayAndTime } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import type { FindingDetail } from '../findings.ts';
import { defineRule } from './rule.ts';

export const nextUpdateMissing = defineRule({
  id: 'next-update-missing',
  family: 'compliance',
  severity: 'warning',
  summary: 'an update did not tell the client when the next one comes',
  docs: 'An update before resolution (other than of kind `resolution`) has no `next_update_by`: every update should tell the client when the next one comes.',
  run(incident, context) {
    const ctx = cadenceContext(incident, context);
    const { resolvedAt } = incident;
    const findings: FindingDetail[] = [];
    for (const update of ctx.updates) {
      if (resolvedAt !== undefined && update.at >= resolvedAt) break;
      if (update.kind === 'resolution' || update.nextUpdateBy !== undefined) continue;
      // Awaiting the client on a pausable priority, the next update waits for the client's answer.
      if (update.awaiting === 'client' && ctx.policy(ctx.priorityAt(update.at)).pausable) continue;
      findings.push({
        file: update.file,
        line: entryLine(update),
        message: `The update of ${dayAndTime(ctx.zone, update.at)} did not tell the client when the next update comes: every update should name a time (next_update_by); tell the client in the next one`,
      });
    }
    return findings;
  },
});
