// commitment-overdue: something we promised is past its due time and not done (rules.md).
import { cadenceContext, type CadenceContext } from '../cadence/context.ts';
import { dayAndTime, near } from '../cadence/describe.ts';
import type { FindingDetail } from '../findings.ts';
import { obligationsOfRule } from '../obligations/schedule.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import { defineRule } from './rule.ts';

export const commitmentOverdue = defineRule({
  id: 'commitment-overdue',
  family: 'compliance',
  severity: 'warning',
  summary: 'something we promised is past its due time and not done',
  dueLabel: 'commitment due',
  docs: 'A commitment of ours (any owner but `client`) has a `due` time that has passed, and no entry from the one that made it on lists its id in `done` at or before it. Commitments outlive resolution. Do it and log an entry with its id in `done`.',
  run: (incident, context) => overdueCommitments(cadenceContext(incident, context), 'us'),
});

/** The missed commitments of ours (`us`) or of the client, as findings. */
export function overdueCommitments(ctx: CadenceContext, owner: 'us' | 'client'): FindingDetail[] {
  const rule = owner === 'client' ? 'client-commitment-overdue' : 'commitment-overdue';
  return obligationsOfRule(ctx, rule)
    .filter((o) => o.missed)
    .map(({ commitment, doneAt, due }) => {
      const what = `"${commitment.id}" (${commitment.action}${owner === 'us' && commitment.owner !== 'us' ? `, owner ${commitment.owner}` : ''})`;
      const dueBy = `${dayAndTime(ctx.zone, due)} ${zoneAbbreviation(ctx.zone, due)}`;
      const late = doneAt === undefined ? 'and is not done' : `but was done only at ${near(ctx.zone, doneAt, due)}`;
      const todo = doneAt !== undefined ? '' : owner === 'client' ? ': follow it up with the client' : ': do it and log an entry with it in done';
      const whose = owner === 'client' ? "The client's commitment" : 'Commitment';
      return { file: commitment.file, line: commitment.line ?? 1, message: `${whose} ${what} was due by ${dueBy} ${late}${todo}`, due, commitment: commitment.id };
    });
}
