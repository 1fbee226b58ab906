// The numbers the site shows for one incident, computed once from the loaded incident and the
// checker's findings; small enough to keep for every incident of a large archive.
import { cadenceContext } from '../cadence/context.ts';
import type { Config } from '../config/config.ts';
import type { Incident } from '../model.ts';
import type { Priority, Severity, Status } from '../schema/values.ts';
import { timeToAcknowledge, timeToResolve } from './durations.ts';
import { OBLIGATION_RULES } from '../obligations/schedule.ts';
import { tallyObligations } from './obligations.ts';
import { reportCirculation } from '../quality/reportCirculation.ts';
import { triagedConsistently } from '../rules/priorityTriage.ts';

export interface Rating {
  at: number;
  rating: number;
}

export interface IncidentFacts {
  id: string;
  client: string;
  category?: string;
  zone: string;
  openedAt: number;
  resolvedAt?: number;
  /** In force at End (resolved_at, else Now), as `check` reports it. */
  priority: Priority;
  /** incident.md's `priority`: the one at opening. */
  priorityAtOpening: Priority;
  severity?: Severity;
  status: Status;
  /** With a triage answer: whether the priority at opening is at least the one it implies (priority-triage). */
  triagedConsistently?: boolean;
  timeToAcknowledge?: number;
  timeToResolve?: number;
  obligationsDue: number;
  obligationsMet: number;
  promisesDue: number;
  promisesBroken: number;
  /** Client feedback ratings from published entries. */
  ratings: Rating[];
  /** Log entries, and those with a category (when), for the upkeep of the categories. */
  entryCount: number;
  categorisedEntries: { at: number; category: string }[];
  /** Closed incidents: whether an outbound report-sent entry came at or after resolution (report-shared). */
  reportSent?: boolean;
}

export function incidentFacts(incident: Incident, config: Config, now: number): IncidentFacts {
  const tally = tallyObligations({ incident, config, now });
  let due = 0;
  let missed = 0;
  for (const rule of OBLIGATION_RULES) {
    due += tally[rule].due;
    missed += tally[rule].missed;
  }
  const ratings: Rating[] = [];
  const categorisedEntries: IncidentFacts['categorisedEntries'] = [];
  for (const e of incident.entries) {
    if (!e.internal && e.feedback?.rating !== undefined) ratings.push({ at: e.at, rating: e.feedback.rating });
    if (e.category !== undefined) categorisedEntries.push({ at: e.at, category: e.category });
  }
  const circulation = reportCirculation(incident, { config, now });
  const cadence = cadenceContext(incident, { config, now });
  return {
    id: incident.id,
    client: incident.client,
    category: incident.category,
    zone: incident.zone,
    openedAt: incident.openedAt,
    resolvedAt: incident.resolvedAt,
    priority: cadence.priorityInForce,
    priorityAtOpening: cadence.priorityAtOpening,
    severity: incident.severity,
    status: incident.status,
    triagedConsistently: triagedConsistently(incident),
    timeToAcknowledge: timeToAcknowledge(incident),
    timeToResolve: timeToResolve(incident),
    obligationsDue: due,
    obligationsMet: due - missed,
    promisesDue: tally['next-update-late'].due,
    promisesBroken: tally['next-update-late'].missed,
    ratings,
    entryCount: incident.entries.length,
    categorisedEntries,
    ...(circulation ? { reportSent: circulation.sent !== undefined } : {}),
  };
}
