import { z } from 'zod';
import { caseInsensitiveEnum, person, priority, severity, STATUSES, stringList, timeZone, timestamp, triage, visibility } from './values.ts';

/** incident.md frontmatter (data-format.md). Cross-field rules live in load/loadIncident.ts. */
export const incidentFrontmatter = z.looseObject({
  title: z.string({ error: 'title is required: one line saying what happened' }).min(1),
  client: z.string({ error: 'client is required: the client organisation' }).min(1),
  opened_at: timestamp,
  reporter: person,
  priority,
  severity: severity.optional(),
  triage: triage.optional(),
  status: caseInsensitiveEnum(STATUSES),
  resolved_at: timestamp.optional(),
  pm: person.refine((p) => Boolean(p.email), 'the project manager needs an email: they are copied on written communication'),
  owner: z.string().optional(),
  backup: z.string().optional(),
  timezone: timeZone.optional(),
  category: z.string().optional(),
  tags: stringList.optional(),
  related: stringList.optional(),
  visibility: visibility.optional(),
});

export type IncidentFrontmatter = z.output<typeof incidentFrontmatter>;
export const INCIDENT_FIELDS = Object.keys(incidentFrontmatter.shape);
