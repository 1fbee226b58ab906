// resolution-notice: the incident was resolved but the client was never told (rules.md).
import { dayAndTime } from '../cadence/describe.ts';
import { incidentLine } from '../cadence/lines.ts';
import { findingsOfMissed } from './missedObligations.ts';
import { defineRule } from './rule.ts';

export const resolutionNotice = defineRule({
  id: 'resolution-notice',
  family: 'compliance',
  severity: 'warning',
  summary: 'the incident was resolved but the client was never told',
  docs: 'A `resolved` or `closed` incident has neither an update at or after `resolved_at` nor an update of kind `resolution`. Tell the client and log it (`kind: resolution`).',
  run: findingsOfMissed('resolution-notice', ({ resolvedAt }, { incident, zone }) => ({
    file: incident.file,
    line: incidentLine(incident, 'resolved_at'),
    message: `Resolved at ${dayAndTime(zone, resolvedAt)} but the client was never told: no update at or after resolution and none of kind resolution; tell the client and log it (kind: resolution)`,
  })),
});
