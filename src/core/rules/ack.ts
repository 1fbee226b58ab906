// ack: the first reply came later than acknowledge_within (rules.md).
import { cadenceContext } from '../cadence/context.ts';
import { clockDuration, dayAndTime, near, nearWithZone } from '../cadence/describe.ts';
import { entryLine, incidentLine } from '../cadence/lines.ts';
import { formatDuration } from '../present/duration.ts';
import type { Rule } from './rule.ts';

export const ack: Rule = (incident, context) => {
  const ctx = cadenceContext(incident, context);
  const { zone, ackDeadline: due } = ctx;
  const opened = incident.openedAt;
  const priority = ctx.priorityAt(opened);
  const policy = ctx.policy(priority);
  const allows = `${priority} allows ${formatDuration(policy.acknowledgeWithin)}`;
  const first = ctx.updates[0];
  if (first) {
    if (first.at <= due) return [];
    const took = clockDuration(ctx.clock(priority).between(opened, first.at), policy.clock);
    return [
      {
        rule: 'ack',
        file: first.file,
        line: entryLine(first),
        message: `First reply to the client came ${took} after the report at ${dayAndTime(zone, opened)} (${allows}): it was due by ${near(zone, due, opened)}`,
        due,
      },
    ];
  }
  if (ctx.end <= due) return [];
  const resolved = incident.resolvedAt !== undefined;
  return [
    {
      rule: 'ack',
      file: incident.file,
      line: incidentLine(incident),
      message: resolved
        ? `The client was never answered: no update between the report at ${dayAndTime(zone, opened)} and resolution (${allows}): a reply was due by ${nearWithZone(zone, due, opened)}`
        : `No reply to the client since the report at ${dayAndTime(zone, opened)} (${allows}): a reply was due by ${nearWithZone(zone, due, opened)}; acknowledge the report now`,
      due,
    },
  ];
};
