// A client's record over time: per year, incidents, compliance and feedback.
import { share } from '../core/metrics/stats.ts';
import type { ArchiveIncident, ClientGroup } from './archive.ts';

export interface ClientYear {
  year: number;
  incidents: number;
  obligationsDue: number;
  obligationsMet: number;
  compliance?: number;
  ratings: number;
  ratingMean?: number;
}

export interface ClientRecord {
  open: number;
  compliance?: number;
  ratings: number;
  ratingMean?: number;
  years: ClientYear[];
}

function summarise(incidents: readonly ArchiveIncident[]) {
  let due = 0;
  let met = 0;
  let ratings = 0;
  let sum = 0;
  for (const i of incidents) {
    due += i.obligationsDue;
    met += i.obligationsMet;
    for (const r of i.ratings) {
      ratings++;
      sum += r.rating;
    }
  }
  return { obligationsDue: due, obligationsMet: met, compliance: share(met, due), ratings, ratingMean: ratings === 0 ? undefined : sum / ratings };
}

export function clientRecord(group: ClientGroup): ClientRecord {
  const byYear = new Map<number, ArchiveIncident[]>();
  for (const i of group.incidents) {
    const year = byYear.get(i.year);
    if (year) year.push(i);
    else byYear.set(i.year, [i]);
  }
  const all = summarise(group.incidents);
  return {
    open: group.incidents.filter((i) => i.status === 'open').length,
    compliance: all.compliance,
    ratings: all.ratings,
    ratingMean: all.ratingMean,
    years: [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, incidents: list.length, ...summarise(list) })),
  };
}
