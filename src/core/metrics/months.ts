// Monthly aggregates for the trends page. An incident belongs to the month (in its own zone) in
// which it was opened; a feedback rating to the month in which it was given.
import { SEVERITIES } from '../schema/values.ts';
import { instantToLocal } from '../time/zone.ts';
import type { IncidentFacts } from './facts.ts';
import { median, percentile, share } from './stats.ts';

export const UNASSESSED = 'unassessed';
export const UNCATEGORISED = 'uncategorised';

export interface MonthTrend {
  /** `YYYY-MM` */
  month: string;
  opened: number;
  /** Severity (or `unassessed`) -> incidents opened. */
  bySeverity: Record<string, number>;
  /** Category (or `uncategorised`) -> incidents opened. */
  byCategory: Record<string, number>;
  /** Incidents opened that month with a time to acknowledge / resolve: the medians' counts. */
  acknowledged: number;
  resolved: number;
  ackMedian?: number;
  ackP90?: number;
  resolveMedian?: number;
  resolveP90?: number;
  obligationsDue: number;
  obligationsMet: number;
  /** obligationsMet / obligationsDue, undefined when nothing was due. */
  compliance?: number;
  promisesDue: number;
  promisesBroken: number;
  ratings: number;
  ratingMean?: number;
}

export function monthOf(instant: number, zone: string): string {
  return instantToLocal(zone, instant).date.slice(0, 7);
}

/**
 * Every month from the first to the last in the data, gaps included, oldest first. `alsoMonths`
 * are in the range even without an incident or rating (the logging delay's contacts).
 */
export function monthlyTrends(incidents: readonly IncidentFacts[], alsoMonths: Iterable<string> = []): MonthTrend[] {
  interface Acc {
    trend: MonthTrend;
    ack: number[];
    resolve: number[];
    ratingSum: number;
  }
  const months = new Map<string, Acc>();
  const acc = (month: string): Acc => {
    let a = months.get(month);
    if (!a) {
      a = {
        trend: { month, opened: 0, bySeverity: {}, byCategory: {}, acknowledged: 0, resolved: 0, obligationsDue: 0, obligationsMet: 0, promisesDue: 0, promisesBroken: 0, ratings: 0 },
        ack: [],
        resolve: [],
        ratingSum: 0,
      };
      months.set(month, a);
    }
    return a;
  };
  for (const i of incidents) {
    const a = acc(monthOf(i.openedAt, i.zone));
    const t = a.trend;
    t.opened++;
    const severity = i.severity ?? UNASSESSED;
    t.bySeverity[severity] = (t.bySeverity[severity] ?? 0) + 1;
    const category = i.category ?? UNCATEGORISED;
    t.byCategory[category] = (t.byCategory[category] ?? 0) + 1;
    if (i.timeToAcknowledge !== undefined) a.ack.push(i.timeToAcknowledge);
    if (i.timeToResolve !== undefined) a.resolve.push(i.timeToResolve);
    t.obligationsDue += i.obligationsDue;
    t.obligationsMet += i.obligationsMet;
    t.promisesDue += i.promisesDue;
    t.promisesBroken += i.promisesBroken;
    for (const r of i.ratings) {
      const ra = acc(monthOf(r.at, i.zone));
      ra.trend.ratings++;
      ra.ratingSum += r.rating;
    }
  }
  for (const month of alsoMonths) acc(month);
  for (const a of months.values()) {
    const t = a.trend;
    t.acknowledged = a.ack.length;
    t.resolved = a.resolve.length;
    t.ackMedian = median(a.ack);
    t.ackP90 = percentile(a.ack, 90);
    t.resolveMedian = median(a.resolve);
    t.resolveP90 = percentile(a.resolve, 90);
    t.compliance = share(t.obligationsMet, t.obligationsDue);
    t.ratingMean = t.ratings === 0 ? undefined : a.ratingSum / t.ratings;
  }
  const keys = [...months.keys()].sort();
  if (keys.length === 0) return [];
  const out: MonthTrend[] = [];
  for (let m = keys[0]; m <= keys[keys.length - 1]; m = nextMonth(m)) {
    out.push(months.get(m)?.trend ?? acc(m).trend);
  }
  return out;
}

function nextMonth(month: string): string {
  const y = +month.slice(0, 4);
  const m = +month.slice(5, 7);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Severities in display order, `unassessed` last. */
export const SEVERITY_ORDER: readonly string[] = [...SEVERITIES, UNASSESSED];
