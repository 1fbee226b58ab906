// next-update-missing: an update did not tell the client when the next one comes (rules.md).
import { dayAndTime } from '../cadence/describe.ts';
import { entryLine } from '../cadence/lines.ts';
import { findingsOfMissed } from './missedObligations.ts';
import { defineRule } from './rule.ts';

export const nextUpdateMissing = defineRule({
  id: 'next-update-missing',
  family: 'compliance',
  severity: 'warning',
  summary: 'an update did not tell the client when the next one comes',
  docs: 'An update before resolution (other than of kind `resolution`) has no `next_update_by`: every update should tell the client when the next one comes.',
  run: findingsOfMissed('next-update-missing', ({ entry }, { zone }) => ({
    file: entry.file,
    line: entryLine(entry),
    message: `The update of ${dayAndTime(zone, entry.at)} did not tell the client when the next update comes: every update should name a time (next_update_by); tell the client in the next one`,
  })),
});
