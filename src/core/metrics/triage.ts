// How consistently urgency is assessed (quality.md, priority-triage): of the incidents with a
// triage answer, how many opened at least at the priority the answer implies.
import type { IncidentFacts } from './facts.ts';

export interface TriageConsistency {
  /** Incidents with a triage answer. */
  triaged: number;
  /** Of those, the ones whose priority at opening is at least the implied one. */
  consistent: number;
}

export function triageConsistency(incidents: readonly Pick<IncidentFacts, 'triagedConsistently'>[]): TriageConsistency {
  let triaged = 0;
  let consistent = 0;
  for (const { triagedConsistently } of incidents) {
    if (triagedConsistently === undefined) continue;
    triaged++;
    if (triagedConsistently) consistent++;
  }
  return { triaged, consistent };
}
