// weekly: a week passed with no update, for priorities with `weekly: true` (rules.md).
import { localDayOf } from '../clock/localDays.ts';
import { cadenceContext } from '../cadence/context.ts';
import { dayAndTime, dayOf } from '../cadence/describe.ts';
import { incidentLine } from '../cadence/lines.ts';
import { isOwedAt, weekOf } from '../cadence/schedule.ts';
import type { RuleFinding } from '../findings.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import type { Rule } from './rule.ts';

export const weekly: Rule = (incident, context) => {
  const ctx = cadenceContext(incident, context);
  const { zone, now } = ctx;
  const findings: RuleFinding[] = [];
  const last = localDayOf(zone, ctx.end);
  for (let day = localDayOf(zone, incident.openedAt); day <= last + 6; day += 7) {
    const week = weekOf(ctx, day);
    if (!week || week.monday > last) continue;
    if (now < week.end || !isOwedAt(ctx, week.end) || ctx.hasUpdateWithin(week.start, week.end)) continue;
    findings.push({
      rule: 'weekly',
      file: incident.file,
      line: incidentLine(incident),
      message: `No update in the week of ${dayOf(zone, week.start)} (${week.priority} priority expects one a week): an update was due by ${dayAndTime(zone, week.end)} ${zoneAbbreviation(zone, week.end)}`,
      due: week.end,
    });
  }
  return findings;
};
