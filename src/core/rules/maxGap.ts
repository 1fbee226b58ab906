// max-gap: a gap between updates exceeded the priority's max_gap (rules.md). Time from the
// first update to End is cut at every later update and every change of priority; each segment
// is measured with the clock of the priority in force at its start.
import { clockDuration, near } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import { findingsOfMissed } from './missedObligations.ts';
import { formatDuration } from '../present/duration.ts';
import { defineRule } from './rule.ts';

export const maxGap = defineRule({
  id: 'max-gap',
  family: 'compliance',
  severity: 'warning',
  summary: "a gap between updates exceeded the priority's max_gap",
  dueLabel: 'update due',
  docs: "From the first update to End, time is cut at every later update and every change of priority; a stretch longer than the `max_gap` of the priority in force at its start (under that priority's clock) is one finding, due `start + max_gap`. Send updates at least every `max_gap`.",
  run: findingsOfMissed('max-gap', (gap, ctx) => {
    const { zone, incident } = ctx;
    const { start, end, priority, due, maxGap } = gap;
    const from = gap.startsWith === 'update' ? near(zone, start, start) : `the change to ${priority} at ${near(zone, start, start)}`;
    const length = clockDuration(ctx.gapClock(priority).between(start, end), ctx.policy(priority).clock);
    const allows = `(${priority} allows ${formatDuration(maxGap)})`;
    const dueBy = near(zone, due, start);
    let message: string;
    if (gap.endsWith === 'update') message = `No update for ${length} after ${from} ${allows}: next update was due by ${dueBy}`;
    else if (gap.endsWith === 'priority') message = `No update for ${length} after ${from} until the priority changed at ${near(zone, end, start)} ${allows}: an update was due by ${dueBy}`;
    else if (incident.resolvedAt !== undefined) message = `No update for ${length} after ${from} until resolution at ${near(zone, end, start)} ${allows}: an update was due by ${dueBy}`;
    else message = `No update for ${length} since ${from} ${allows}: next update was due by ${dueBy}; send one now`;
    return {
      file: gap.entry.file,
      line: gap.startsWith === 'update' ? entryLine(gap.entry) : entryLine(gap.entry, 'priority'),
      message,
      due,
    };
  }),
});
