// resolution-notice: the incident was resolved but the client was never told (rules.md).
import { cadenceContext } from '../cadence/context.ts';
import { dayAndTime } from '../cadence/describe.ts';
import { incidentLine } from '../cadence/lines.ts';
import type { Rule } from './rule.ts';

export const resolutionNotice: Rule = (incident, context) => {
  const { resolvedAt } = incident;
  if (resolvedAt === undefined || incident.status === 'open') return [];
  const ctx = cadenceContext(incident, context);
  if (ctx.updates.some((u) => u.at >= resolvedAt || u.kind === 'resolution')) return [];
  return [
    {
      rule: 'resolution-notice',
      file: incident.file,
      line: incidentLine(incident, 'resolved_at'),
      message: `Resolved at ${dayAndTime(ctx.zone, resolvedAt)} but the client was never told: no update at or after resolution and none of kind resolution; tell the client and log it (kind: resolution)`,
    },
  ];
};
