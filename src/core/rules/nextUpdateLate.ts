// next-update-late: the promised next update did not come in time (rules.md). A promise is
// judged across resolution: what counts is when the client next heard from us.
import { near } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import { findingsOfMissed } from './missedObligations.ts';
import { formatDuration } from '../present/duration.ts';
import { defineRule } from './rule.ts';

export const nextUpdateLate = defineRule({
  id: 'next-update-late',
  family: 'compliance',
  severity: 'warning',
  summary: 'the promised next update did not come in time',
  dueLabel: 'promised update due',
  docs: 'An update promised the next one by `next_update_by` T, and the next update came after T (or none has come and End is past T). A promise is judged across resolution. Keep the promise, or send an update before T that makes a new one.',
  run: findingsOfMissed('next-update-late', ({ entry: update, due: promised, next }, { incident, zone }) => {
    const promise = `The update at ${near(zone, update.at, update.at)} promised the next one by ${near(zone, promised, update.at)}`;
    let message: string;
    if (next) message = `${promise}; it came at ${near(zone, next.at, update.at)}, ${formatDuration(next.at - promised)} late`;
    else if (incident.resolvedAt !== undefined) message = `${promise}; none came before resolution at ${near(zone, incident.resolvedAt, update.at)}: tell the client it is resolved`;
    else message = `${promise}; none has come: send one now`;
    return { file: update.file, line: entryLine(update, 'next_update_by'), message, due: promised };
  }),
});
