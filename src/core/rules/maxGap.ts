// max-gap: a gap between updates exceeded the priority's max_gap (rules.md). Time from the
// first update to End is cut at every later update and every change of priority; each segment
// is measured with the clock of the priority in force at its start.
import { cadenceContext, type CadenceContext } from '../cadence/context.ts';
import { clockDuration, near } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import type { FindingDetail } from '../findings.ts';
import type { LogEntry } from '../model.ts';
import { formatDuration } from '../present/duration.ts';
import { defineRule } from './rule.ts';

/** A stretch of time with no update and one priority in force. */
interface GapSegment {
  start: number;
  end: number;
  /** The update that began it, or the entry that changed the priority. */
  startedBy: LogEntry;
  startsWith: 'update' | 'priority';
  /** What ended it: the next update, a change of priority, or End. */
  endsWith: 'update' | 'priority' | 'end';
}

export function gapSegments(ctx: CadenceContext): GapSegment[] {
  const { updates, end } = ctx;
  if (updates.length === 0) return [];
  const changes = ctx.priorities.filter((s) => s.entry && s.at > updates[0].at);
  const segments: GapSegment[] = [];
  let u = 1;
  let c = 0;
  let start = updates[0].at;
  let startedBy = updates[0];
  let startsWith: GapSegment['startsWith'] = 'update';
  while (start < end) {
    while (u < updates.length && updates[u].at <= start) u++;
    while (c < changes.length && changes[c].at <= start) c++;
    const nextUpdate = u < updates.length ? updates[u].at : Infinity;
    const nextChange = c < changes.length ? changes[c].at : Infinity;
    const next = Math.min(nextUpdate, nextChange);
    if (next > end) {
      segments.push({ start, end, startedBy, startsWith, endsWith: 'end' });
      break;
    }
    // An update and a change of priority at one instant start one segment: the update's.
    const byUpdate = nextUpdate === next;
    segments.push({ start, end: next, startedBy, startsWith, endsWith: byUpdate ? 'update' : 'priority' });
    startedBy = byUpdate ? updates[u] : changes[c].entry!;
    startsWith = byUpdate ? 'update' : 'priority';
    start = next;
  }
  return segments;
}

export const maxGap = defineRule({
  id: 'max-gap',
  family: 'compliance',
  severity: 'warning',
  summary: "a gap between updates exceeded the priority's max_gap",
  dueLabel: 'update due',
  docs: "From the first update to End, time is cut at every later update and every change of priority; a stretch longer than the `max_gap` of the priority in force at its start (under that priority's clock) is one finding, due `start + max_gap`. Send updates at least every `max_gap`.",
  run(incident, context) {
    const ctx = cadenceContext(incident, context);
    const findings: FindingDetail[] = [];
    for (const segment of gapSegments(ctx)) {
      const priority = ctx.priorityAt(segment.start);
      const policy = ctx.policy(priority);
      if (policy.maxGap === null) continue;
      const clock = ctx.gapClock(priority);
      const due = clock.add(segment.start, policy.maxGap);
      if (segment.end <= due) continue;
      const { zone } = ctx;
      const { start, end } = segment;
      const from = segment.startsWith === 'update' ? near(zone, start, start) : `the change to ${priority} at ${near(zone, start, start)}`;
      const length = clockDuration(clock.between(start, end), policy.clock);
      const allows = `(${priority} allows ${formatDuration(policy.maxGap)})`;
      const dueBy = near(zone, due, start);
      let message: string;
      if (segment.endsWith === 'update') message = `No update for ${length} after ${from} ${allows}: next update was due by ${dueBy}`;
      else if (segment.endsWith === 'priority') message = `No update for ${length} after ${from} until the priority changed at ${near(zone, end, start)} ${allows}: an update was due by ${dueBy}`;
      else if (incident.resolvedAt !== undefined) message = `No update for ${length} after ${from} until resolution at ${near(zone, end, start)} ${allows}: an update was due by ${dueBy}`;
      else message = `No update for ${length} since ${from} ${allows}: next update was due by ${dueBy}; send one now`;
      findings.push({
        file: segment.startedBy.file,
        line: segment.startsWith === 'update' ? entryLine(segment.startedBy) : entryLine(segment.startedBy, 'priority'),
        message,
        due,
      });
    }
    return findings;
  },
});
