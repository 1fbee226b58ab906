// priority-triage: the priority at `opened_at` is lower than the triage answer implies
// (quality.md): urgency assessed the same way every time.
import { incidentLine } from '../cadence/lines.ts';
import type { Incident } from '../model.ts';
import { PRIORITIES, type Priority, type Triage } from '../schema/values.ts';
import { defineRule } from './rule.ts';

/** The priority each triage answer implies. */
export const TRIAGE_PRIORITY: Readonly<Record<Triage, Priority>> = {
  blocked: 'urgent',
  deadline: 'urgent',
  workaround: 'high',
  inconvenience: 'medium',
};

/** What each triage answer means, as the triage question offers it. */
export const TRIAGE_MEANING: Readonly<Record<Triage, string>> = {
  blocked: "the client's customers or staff cannot work",
  deadline: 'an internal deadline of the client is blocked',
  workaround: 'a workaround exists',
  inconvenience: 'more an inconvenience than a blockade',
};

/** Whether priority `a` is lower than `b` (low < medium < high < urgent). */
export function isLowerPriority(a: Priority, b: Priority): boolean {
  return PRIORITIES.indexOf(a) > PRIORITIES.indexOf(b);
}

/** The priority in force at `opened_at`: that of the last entry at or before it that sets one, else incident.md's. */
export function openingPriority(incident: Incident): Priority {
  let priority = incident.priority;
  for (const entry of incident.entries) {
    if (entry.at > incident.openedAt) break;
    if (entry.priority) priority = entry.priority;
  }
  return priority;
}

/** For an incident with a triage answer: whether it opened at least at the priority the answer implies. */
export function triagedConsistently(incident: Incident): boolean | undefined {
  if (incident.triage === undefined) return undefined;
  return !isLowerPriority(openingPriority(incident), TRIAGE_PRIORITY[incident.triage]);
}

export const priorityTriage = defineRule({
  id: 'priority-triage',
  family: 'validity',
  severity: 'warning',
  summary: "the priority at `opened_at` is lower than the incident's triage answer implies",
  docs: [
    "incident.md's `triage` implies a priority: `urgent` for `blocked` and `deadline`, `high` for `workaround`, `medium` for `inconvenience`.",
    "The priority in force at `opened_at` (that of the last entry at or before it that sets one, else incident.md's `priority`) is lower than that.",
    'Raise the priority, or correct the triage answer; a higher priority than the implied one is fine.',
  ].join(' '),
  run(incident) {
    const { triage } = incident;
    if (triage === undefined || triagedConsistently(incident)) return [];
    const implied = TRIAGE_PRIORITY[triage];
    const atOpening = openingPriority(incident);
    return [
      {
        file: incident.file,
        line: incidentLine(incident, 'triage'),
        message: `Field "triage" is ${triage} (${TRIAGE_MEANING[triage]}), which implies priority ${implied}, but the priority at opened_at is ${atOpening}: set priority: ${implied}, or correct the triage answer`,
      },
    ];
  },
});
