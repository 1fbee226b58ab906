import type { Incident } from './model.ts';
import type { Priority } from './schema/values.ts';

/** The priority in force at t: the last entry with `at ≤ t` that sets one, else the incident's. */
export function priorityInForce(incident: Incident, t: number): Priority {
  let priority = incident.priority;
  for (const entry of incident.entries) {
    if (entry.at > t) break;
    if (entry.priority) priority = entry.priority;
  }
  return priority;
}
