import * as z from 'zod';
import { caseInsensitiveEnum, CHANNELS, DIRECTIONS, KINDS, person, priority, stringList, timestamp, visibility } from './values.ts';

export const commitment = z.looseObject({
  id: z.string({ error: 'a commitment needs an id' }).regex(/^[a-z0-9-]+$/, 'a commitment id is lower-case letters, digits and -'),
  action: z.string({ error: 'a commitment needs an action: what will be done' }).min(1),
  owner: z.string().optional(),
  due: timestamp.optional(),
});
export const COMMITMENT_FIELDS = Object.keys(commitment.shape);

export const feedback = z.looseObject({
  rating: z.number().int().min(1, 'a rating is 1 to 5').max(5, 'a rating is 1 to 5').optional(),
  comment: z.string().optional(),
});
export const FEEDBACK_FIELDS = Object.keys(feedback.shape);

/** A log entry's frontmatter (data-format.md). Cross-field rules live in load/loadIncident.ts. */
export const entryFrontmatter = z.looseObject({
  at: timestamp,
  direction: caseInsensitiveEnum(DIRECTIONS),
  channel: caseInsensitiveEnum(CHANNELS),
  contact: z.union([person, z.array(person).min(1)]).optional(),
  author: z.string({ error: 'author is required: the staff member who logged it' }).min(1),
  summary: z.string({ error: 'summary is required: one line saying what was said or done' }).min(1).max(300, 'summary is one line of at most 300 characters'),
  kind: caseInsensitiveEnum(KINDS).optional(),
  cc: stringList.optional(),
  next_update_by: timestamp.optional(),
  priority: priority.optional(),
  commitments: z.array(commitment, { error: 'expected a list of { id, action, owner?, due? }' }).optional(),
  done: stringList.optional(),
  feedback: feedback.optional(),
  verbatim: z.string().optional(),
  category: z.string().optional(),
  corrects: z.string().optional(),
  message_id: z
    .string({ error: 'expected the Message-ID of the e-mail, without <>' })
    .min(1)
    .transform((id) => id.trim().replace(/^<([^<>]*)>$/, '$1'))
    .optional(),
  awaiting: caseInsensitiveEnum(['client']).optional().meta({ description: 'on outbound entries: we asked the client for something and wait for it (policies.md)' }),
  source_id: z.string({ error: 'expected the id of the post the entry was imported from' }).min(1).optional(),
  visibility: visibility.optional(),
});

export type EntryFrontmatter = z.output<typeof entryFrontmatter>;
export const ENTRY_FIELDS = Object.keys(entryFrontmatter.shape);
