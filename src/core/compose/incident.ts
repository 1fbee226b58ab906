// `commlog new incident`: the answers -> incident.md and the incident's id.
import type { Person, Priority, Severity, Triage } from '../schema/values.ts';
import { instantToLocal } from '../time/zone.ts';
import { markdownFile } from './markdownFile.ts';
import { personField } from './person.ts';
import { incidentId, topicSlug } from './slug.ts';
import { timestampText } from './timestampText.ts';

export interface IncidentDraft {
  title: string;
  client: string;
  /** Epoch ms. */
  openedAt: number;
  reporter: Person;
  /** The answer to the triage question, which implies a priority. */
  triage?: Triage;
  priority: Priority;
  severity?: Severity;
  pm: Person;
  owner?: string;
  backup?: string;
  /** The incident's own zone, when it differs from the config's. */
  timezone?: string;
  category?: string;
  tags?: string[];
  visibility?: 'public' | 'internal';
  /** Words for the id after the date and the client; default: the title's first words. */
  topic?: string;
  /** Default open; an imported history may be resolved already. */
  status?: 'open' | 'resolved';
  /** Epoch ms; with status resolved. */
  resolvedAt?: number;
  description?: string;
}

export interface NewIncidentFile {
  id: string;
  text: string;
}

// A comment, not a fill-in: the site never shows it while nobody has written the description.
const DESCRIPTION_PROMPT = '<!-- What happened, as the client described it, and what we know so far. -->';

/** `zone` is the zone the incident lives in (its own `timezone`, else the config's). */
export function newIncidentFile(draft: IncidentDraft, zone: string): NewIncidentFile {
  const id = incidentId(instantToLocal(zone, draft.openedAt).date, draft.client, draft.topic ?? topicSlug(draft.title));
  const fields = {
    title: draft.title,
    client: draft.client,
    opened_at: timestampText(draft.openedAt, zone),
    reporter: personField(draft.reporter),
    triage: draft.triage,
    priority: draft.priority,
    severity: draft.severity,
    status: draft.status ?? 'open',
    resolved_at: draft.resolvedAt === undefined ? undefined : timestampText(draft.resolvedAt, zone),
    pm: personField(draft.pm),
    owner: draft.owner,
    backup: draft.backup,
    timezone: draft.timezone,
    category: draft.category,
    tags: draft.tags,
    visibility: draft.visibility,
  };
  return { id, text: markdownFile(fields, draft.description?.trim() || DESCRIPTION_PROMPT) };
}
