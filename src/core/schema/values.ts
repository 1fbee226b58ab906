// zod schemas for the value types of data-format.md. Shapes only: timestamps stay text here
// and are resolved to instants once the incident's zone is known (load/loadIncident.ts).
import * as z from 'zod';
import { dateProblem, parseDuration, parseTimeOfDay, timestampProblem } from '../time/timestamp.ts';
import { isValidZone } from '../time/zone.ts';

/** An incident's folder name (data-format.md). */
export const INCIDENT_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const STATUSES = ['open', 'resolved', 'closed'] as const;
export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const CHANNELS = ['email', 'phone', 'sms', 'chat', 'meeting', 'screenshare', 'ticket', 'status-page', 'social', 'other'] as const;
export const KINDS = ['report', 'acknowledgement', 'update', 'question', 'answer', 'resolution', 'feedback', 'triage', 'note', 'report-sent'] as const;
/** incident.md `triage` (quality.md): how badly the client is stopped, which implies a priority. */
export const TRIAGES = ['blocked', 'deadline', 'workaround', 'inconvenience'] as const;
export const VISIBILITIES = ['public', 'internal'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Priority = (typeof PRIORITIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Status = (typeof STATUSES)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Channel = (typeof CHANNELS)[number];
export type Kind = (typeof KINDS)[number];
export type Triage = (typeof TRIAGES)[number];
export type Weekday = (typeof WEEKDAYS)[number];

/** A lower-case enumeration; values in another case are accepted and normalised. */
export function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string({ error: `expected one of ${values.join(', ')}` })
    .meta({ description: `one of ${values.join(', ')} (any case)`, examples: [...values] })
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(values, { error: (issue) => `expected one of ${values.join(', ')}, not "${String(issue.input)}"` }));
}

/** A timestamp as written; resolved to an instant with the incident's zone later. */
export const timestamp = z
  .string({ error: 'expected a timestamp such as 2026-11-02T09:05 (quote it if it holds special characters)' })
  .superRefine((text, ctx) => {
    const problem = timestampProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: `"${text}": ${problem}` });
  })
  .meta({ description: 'YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]; without an offset, wall-clock time in the incident\'s zone' });

export const calendarDate = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .superRefine((text, ctx) => {
    const problem = dateProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const duration = z
  .string({ error: 'expected a duration such as 30m, 3h or 1h30m' })
  .refine((text) => parseDuration(text) !== null, { error: (i) => `expected a duration such as 30m, 3h or 1h30m, not "${String(i.input)}"` });

export const timeOfDay = z
  .string({ error: 'expected a time of day such as "16:30" (quoted)' })
  .refine((text) => parseTimeOfDay(text) !== null, { error: (i) => `expected a 24-hour time of day such as "16:30", not "${String(i.input)}"` });

export const timeZone = z
  .string({ error: 'expected an IANA time zone such as Europe/London' })
  .refine(isValidZone, { error: (i) => `"${String(i.input)}" is not an IANA time zone (such as Europe/London or America/New_York)` });

export const PERSON_FIELDS = ['name', 'org', 'email', 'phone', 'role'] as const;

export interface Person {
  name: string;
  org?: string;
  email?: string;
  phone?: string;
  role?: string;
}

const personObject = z
  .looseObject({
    name: z.string({ error: 'a person needs a name' }).min(1, 'a person needs a name'),
    org: z.string().optional(),
    email: z.string().optional(),
    phone: z.union([z.string(), z.number()]).transform(String).optional(),
    role: z.string().optional(),
  })
  .transform((p): Person => ({ name: p.name, org: p.org, email: p.email, phone: p.phone, role: p.role }));

/** `{ name, org?, email?, phone?, role? }`, or a plain string as shorthand for `{ name }`. */
export const person = z.union([z.string().min(1).transform((name): Person => ({ name })), personObject], {
  error: 'expected a person: a name, or { name, org?, email?, phone?, role? }',
});

export const visibility = caseInsensitiveEnum(VISIBILITIES);
export const priority = caseInsensitiveEnum(PRIORITIES);
export const severity = caseInsensitiveEnum(SEVERITIES);
export const triage = caseInsensitiveEnum(TRIAGES).meta({
  description: 'blocked (the client\'s customers or staff cannot work), deadline (an internal deadline of the client is blocked), workaround (a workaround exists) or inconvenience',
});
export const stringList = z.array(z.union([z.string(), z.number()]).transform(String), { error: 'expected a list of strings' });
