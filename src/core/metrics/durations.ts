// How long the client waited: elapsed wall-clock time, as the client experienced it (the
// policy's business-clock judgement is in the findings and the compliance figure).
import type { Incident } from '../model.ts';

/** From `opened_at` to the first update (outbound entry at or after it); undefined if none yet. */
export function timeToAcknowledge(incident: Incident): number | undefined {
  const first = incident.entries.find((e) => e.direction === 'outbound' && e.at >= incident.openedAt);
  return first === undefined ? undefined : first.at - incident.openedAt;
}

/** From `opened_at` to `resolved_at`; undefined while open. */
export function timeToResolve(incident: Incident): number | undefined {
  return incident.resolvedAt === undefined ? undefined : incident.resolvedAt - incident.openedAt;
}
