// Message templates (templates/*.md, the customer notification plan) and `commlog draft`: a
// template is Markdown with YAML frontmatter (`subject`, `scenario`, `audience`, `description`)
// whose `{{name}}` fields are filled with the incident's facts and the computed next update
// time. A field the incident has no value for becomes a `<name>` fill-in a person must replace;
// a field no incident has is an error in the template, reported with its name.
import { cadenceContext } from '../cadence/context.ts';
import { dayAndTime, nearWithZone } from '../cadence/describe.ts';
import type { Config } from '../config/config.ts';
import type { Incident } from '../model.ts';
import { proposeNextUpdateBy } from '../obligations/due.ts';
import { parseFrontmatter } from '../parse/frontmatter.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import { mailbox, uniqueMailboxes } from './person.ts';

export const AUDIENCES = ['client', 'partner', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface MessageTemplate {
  name: string;
  subject: string;
  audience: Audience;
  scenario?: string;
  description?: string;
  body: string;
}

export interface DraftMessage {
  to: string[];
  cc: string[];
  subject: string;
  body: string;
}

/** Why a template file cannot be used (the command names the file). */
export class TemplateProblem extends Error {}

/** Every field a template may use, and what it holds. */
export const TEMPLATE_FIELDS = {
  incident_id: "the incident's id",
  title: "the incident's title",
  client: 'the client organisation',
  priority: 'the priority in force now',
  severity: 'the severity of incident.md',
  status: 'open, resolved or closed',
  opened_at: 'when the report reached us, e.g. Mon 2 Nov 09:00 GMT',
  resolved_at: 'when it was resolved',
  reporter_name: 'who reported it',
  contact_name: 'who we dealt with last (else the reporter)',
  contact_first_name: 'their first name, for a greeting',
  pm_name: 'the project manager',
  pm_email: "the project manager's address",
  owner: 'the communication lead',
  latest_update: 'the summary of our latest update to the client',
  next_update_by: 'the next update time the policy proposes for a message sent now',
  now: 'the time of drafting',
} as const;

export type TemplateField = keyof typeof TEMPLATE_FIELDS;

const FIELD = /\{\{\s*([a-z_]+)\s*\}\}/g;

export function parseTemplate(name: string, text: string): MessageTemplate {
  const fm = parseFrontmatter(text);
  if (!fm.ok) throw new TemplateProblem(fm.message);
  const { subject, audience, scenario, description } = fm.data;
  if (typeof subject !== 'string' || subject.trim() === '') throw new TemplateProblem('the frontmatter needs a subject: the subject line of the message');
  if (!AUDIENCES.includes(audience as Audience)) throw new TemplateProblem(`audience must be one of ${AUDIENCES.join(', ')}`);
  const unknown = [...`${subject}\n${fm.body}`.matchAll(FIELD)].map((m) => m[1]).filter((f) => !(f in TEMPLATE_FIELDS));
  if (unknown.length > 0) throw new TemplateProblem(`unknown field {{${unknown[0]}}}: the fields are ${Object.keys(TEMPLATE_FIELDS).join(', ')}`);
  return {
    name,
    subject: subject.trim(),
    audience: audience as Audience,
    scenario: typeof scenario === 'string' ? scenario : undefined,
    description: typeof description === 'string' ? description : undefined,
    body: fm.body.trim(),
  };
}

/** The incident's facts as template fields, as of `now`; absent facts are left out. */
export function templateValues(incident: Incident, config: Config, now: number): Partial<Record<TemplateField, string>> {
  const { zone } = incident;
  const when = (t: number) => `${dayAndTime(zone, t)} ${zoneAbbreviation(zone, t)}`;
  const contact = latestContact(incident);
  const latest = incident.entries.filter((e) => e.direction === 'outbound' && e.at <= now).at(-1);
  const next = incident.status === 'open' ? proposeNextUpdateBy(incident, now, config) : undefined;
  return {
    incident_id: incident.id,
    title: incident.title,
    client: incident.client,
    priority: cadenceContext(incident, { config, now }).priorityAt(now),
    severity: incident.severity,
    status: incident.status,
    opened_at: when(incident.openedAt),
    resolved_at: incident.resolvedAt === undefined ? undefined : when(incident.resolvedAt),
    reporter_name: incident.reporter.name,
    contact_name: contact.name,
    contact_first_name: contact.name.split(/\s+/)[0],
    pm_name: incident.pm.name,
    pm_email: incident.pm.email,
    owner: incident.owner,
    latest_update: latest?.summary,
    next_update_by: next === undefined ? undefined : nearWithZone(zone, next, now),
    now: when(now),
  };
}

export function fillTemplate(template: MessageTemplate, incident: Incident, config: Config, now: number): DraftMessage {
  const values = templateValues(incident, config, now);
  const fill = (text: string) => text.replace(FIELD, (_, name: TemplateField) => values[name] ?? `<${name.replace(/_/g, ' ')}>`);
  const pm = mailbox(incident.pm);
  let to: string[] = [];
  let cc: string[] = [];
  if (template.audience === 'client') {
    const contact = latestContact(incident);
    to = uniqueMailboxes([mailbox(contact), mailbox(incident.reporter)].filter((m): m is string => m !== undefined)).slice(0, 1);
    cc = pm ? [pm] : [];
  } else if (template.audience === 'partner') {
    cc = pm ? [pm] : [];
  }
  return { to, cc, subject: fill(template.subject), body: fill(template.body) };
}

/** The client's person we dealt with last, else the reporter. */
function latestContact(incident: Incident) {
  const last = incident.entries.filter((e) => e.direction !== 'internal' && e.contacts.length > 0).at(-1);
  return last?.contacts.find((p) => p.email) ?? last?.contacts[0] ?? incident.reporter;
}

/** A draft as text: the headers a person copies into their mail client, then the body. */
export function draftText(draft: DraftMessage): string {
  const header = [`To: ${draft.to.join(', ') || '<recipients>'}`, ...(draft.cc.length > 0 ? [`Cc: ${draft.cc.join(', ')}`] : []), `Subject: ${draft.subject}`];
  return `${header.join('\n')}\n\n${draft.body}\n`;
}
