// next-update-missing: an update did not tell the client when the next one comes (rules.md).
import { cadenceContext } from '../cadence/context.ts';
import { dayAndTime } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import { obligationsOfRule } from '../obligations/schedule.ts';
import { defineRule } from './rule.ts';

export const nextUpdateMissing = defineRule({
  id: 'next-update-missing',
  family: 'compliance',
  severity: 'warning',
  summary: 'an update did not tell the client when the next one comes',
  docs: 'An update before resolution (other than of kind `resolution`) has no `next_update_by`: every update should tell the client when the next one comes.',
  run(incident, context) {
    const ctx = cadenceContext(incident, context);
    return obligationsOfRule(ctx, 'next-update-missing')
      .filter((o) => o.missed)
      .map(({ entry }) => ({
        file: entry.file,
        line: entryLine(entry),
        message: `The update of ${dayAndTime(ctx.zone, entry.at)} did not tell the client when the next update comes: every update should name a time (next_update_by); tell the client in the next one`,
      }));
  },
});
