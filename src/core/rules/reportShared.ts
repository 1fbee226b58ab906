// report-shared: a closed incident's report was never sent to the client (quality.md).
import { dayAndTime, near } from '../cadence/describe.ts';
import { formatDuration } from '../present/duration.ts';
import { reportCirculation } from '../quality/reportCirculation.ts';
import { defineRule } from './rule.ts';

export const reportShared = defineRule({
  id: 'report-shared',
  family: 'compliance',
  severity: 'warning',
  summary: "a closed incident's report was never sent to the client",
  dueLabel: 'report due to the client',
  docs:
    'A `closed` incident whose first outbound entry of kind `report-sent` at or after `resolved_at` came later than D = `resolved_at + report.share_within` (default 40h) under the business clock of the incident\'s policy, or has none and Now is past D. A `resolved` incident is not checked yet. Send report.md to the client (`commlog share-report ID` drafts the e-mail) and log it with `kind: report-sent`.',
  run(incident, context) {
    const circulation = reportCirculation(incident, context);
    if (!circulation?.late) return [];
    const { resolvedAt, due, sent } = circulation;
    const { zone } = incident;
    const allows = `report.share_within allows ${formatDuration(context.config.reportShareWithin)} of business time`;
    return [
      {
        file: incident.report?.file ?? `${incident.dir}/report.md`,
        line: 1,
        message: sent
          ? `The report was sent to the client at ${dayAndTime(zone, sent.at)} (${sent.file}), after the resolution at ${dayAndTime(zone, resolvedAt)} (${allows}): it was due by ${near(zone, due, resolvedAt)}`
          : `The report was never sent to the client: no outbound entry of kind report-sent since the resolution at ${dayAndTime(zone, resolvedAt)} (${allows}); it was due by ${near(zone, due, resolvedAt)}: send it (commlog share-report ${incident.id}) and log it`,
        due,
      },
    ];
  },
});
