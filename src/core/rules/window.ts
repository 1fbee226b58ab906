// window: a daily update window passed with no update (rules.md).
import { localDayOf } from '../clock/localDays.ts';
import { cadenceContext } from '../cadence/context.ts';
import { dayOf, timeOf } from '../cadence/describe.ts';
import { incidentLine } from '../cadence/lines.ts';
import { isOwedAt, windowsOfDay } from '../cadence/schedule.ts';
import type { RuleFinding } from '../findings.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import type { Rule } from './rule.ts';

export const updateWindow: Rule = (incident, context) => {
  const ctx = cadenceContext(incident, context);
  const { zone, now } = ctx;
  const findings: RuleFinding[] = [];
  const last = localDayOf(zone, ctx.end);
  for (let day = localDayOf(zone, incident.openedAt); day <= last; day++) {
    for (const w of windowsOfDay(ctx, day)) {
      if (now < w.end || !isOwedAt(ctx, w.end) || ctx.hasUpdateWithin(w.start, w.end)) continue;
      findings.push({
        rule: 'window',
        file: incident.file,
        line: incidentLine(incident),
        message: `No update in the ${w.name} window on ${dayOf(zone, w.end)} (${timeOf(zone, w.start)}–${timeOf(zone, w.end)} ${zoneAbbreviation(zone, w.end)}, expected at ${w.priority} priority): an update was due by ${timeOf(zone, w.end)}`,
        due: w.end,
        window: w.name,
      });
    }
  }
  return findings;
};
