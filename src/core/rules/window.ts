// window: a daily update window passed with no update (rules.md).
import { dayOf, timeOf } from '../cadence/describe.ts';
import { incidentLine } from '../cadence/lines.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import { findingsOfMissed } from './missedObligations.ts';
import { defineRule } from './rule.ts';

export const updateWindow = defineRule({
  id: 'window',
  family: 'compliance',
  severity: 'warning',
  summary: 'a daily update window passed with no update',
  dueLabel: 'update due',
  docs: "On every business day of the incident, each update window of the priority in force at the window's end (morning, lunchtime, end-of-day, \u2026) that has passed while the incident was unresolved, and after A, needs an update within it (both ends included). Send an update in each window.",
  run: findingsOfMissed('window', ({ window: w }, { incident, zone }) => ({
    file: incident.file,
    line: incidentLine(incident),
    message: `No update in the ${w.name} window on ${dayOf(zone, w.end)} (${timeOf(zone, w.start)}–${timeOf(zone, w.end)} ${zoneAbbreviation(zone, w.end)}, expected at ${w.priority} priority): an update was due by ${timeOf(zone, w.end)}`,
    due: w.end,
    window: w.name,
  })),
});
