// When a closed incident's report reached the client (quality.md, report-shared): the first
// outbound `report-sent` entry at or after `resolved_at`, against D = resolved_at +
// report.share_within under the business clock of the incident's policy — whatever clock its
// priorities use, as sending a report is office work. The rule and the site's figure read this.
import { cadenceContext } from '../cadence/context.ts';
import { clockOfKind } from '../clock/clock.ts';
import type { Incident, LogEntry } from '../model.ts';
import type { RuleContext } from '../rules/rule.ts';

export interface ReportCirculation {
  resolvedAt: number;
  /** D: by when the report should have been sent. */
  due: number;
  /** The first outbound `report-sent` entry at or after `resolved_at`. */
  sent?: LogEntry;
  /** Sent later than D, or not sent and Now is past D. */
  late: boolean;
}

/** Only `closed` incidents owe the circulated report; undefined for any other. */
export function reportCirculation(incident: Incident, context: RuleContext): ReportCirculation | undefined {
  const { resolvedAt } = incident;
  if (incident.status !== 'closed' || resolvedAt === undefined) return undefined;
  const ctx = cadenceContext(incident, context);
  const due = clockOfKind('business', ctx.calendar).add(resolvedAt, context.config.reportShareWithin);
  const sent = ctx.entries.find((e) => e.direction === 'outbound' && e.kind === 'report-sent' && e.at >= resolvedAt);
  return { resolvedAt, due, sent, late: sent ? sent.at > due : context.now > due };
}
