// ack: the first reply came later than acknowledge_within (rules.md).
import { clockDuration, dayAndTime, near, nearWithZone } from '../cadence/describe.ts';
import { entryLine, incidentLine } from '../cadence/lines.ts';
import { findingsOfMissed } from './missedObligations.ts';
import { formatDuration } from '../present/duration.ts';
import { defineRule } from './rule.ts';

export const ack = defineRule({
  id: 'ack',
  family: 'compliance',
  severity: 'warning',
  summary: 'the first reply came later than acknowledge_within',
  dueLabel: 'acknowledgement due',
  docs: 'The first update to the client came later than A, `opened_at + acknowledge_within` under the clock of the priority in force at `opened_at`; or there is no update yet and End is past A. Acknowledge every report within `acknowledge_within`.',
  run: findingsOfMissed('ack', ({ due, entry: first }, ctx) => {
    const { zone, incident } = ctx;
    const opened = incident.openedAt;
    const priority = ctx.priorityAtOpening;
    const policy = ctx.policy(priority);
    const allows = `${priority} allows ${formatDuration(policy.acknowledgeWithin)}`;
    if (first) {
      const took = clockDuration(ctx.clock(priority).between(opened, first.at), policy.clock);
      return {
        file: first.file,
        line: entryLine(first),
        message: `First reply to the client came ${took} after the report at ${dayAndTime(zone, opened)} (${allows}): it was due by ${near(zone, due, opened)}`,
        due,
      };
    }
    return {
      file: incident.file,
      line: incidentLine(incident),
      message:
        incident.resolvedAt !== undefined
          ? `The client was never answered: no update between the report at ${dayAndTime(zone, opened)} and resolution (${allows}): a reply was due by ${nearWithZone(zone, due, opened)}`
          : `No reply to the client since the report at ${dayAndTime(zone, opened)} (${allows}): a reply was due by ${nearWithZone(zone, due, opened)}; acknowledge the report now`,
      due,
    };
  }),
});
