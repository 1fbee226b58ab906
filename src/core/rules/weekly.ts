// weekly: a week passed with no update, for priorities with `weekly: true` (rules.md).
import { dayAndTime, dayOf } from '../cadence/describe.ts';
import { incidentLine } from '../cadence/lines.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import { findingsOfMissed } from './missedObligations.ts';
import { defineRule } from './rule.ts';

export const weekly = defineRule({
  id: 'weekly',
  family: 'compliance',
  severity: 'warning',
  summary: 'a week passed with no update',
  dueLabel: 'weekly update due',
  docs: "For a priority with `weekly: true`, each ISO week (in the incident's zone) of the incident needs an update between its Monday 00:00 and the close of business of its last business day, when the incident was unresolved then and that deadline is after A.",
  run: findingsOfMissed('weekly', ({ week }, { incident, zone }) => ({
    file: incident.file,
    line: incidentLine(incident),
    message: `No update in the week of ${dayOf(zone, week.start)} (${week.priority} priority expects one a week): an update was due by ${dayAndTime(zone, week.end)} ${zoneAbbreviation(zone, week.end)}`,
    due: week.end,
  })),
});
