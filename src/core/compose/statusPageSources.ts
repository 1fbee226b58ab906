// Status-page histories as published, read into one shape: Atlassian Statuspage's public API
// JSON (`/api/v2/incidents.json`, or one `{ page, incident }` per file) and cState's Markdown
// issues (Hugo front matter, updates as `**Heading**:` text `{{< track "time" >}}`, newest
// first). Pure: the adapter hands in the texts. Real pages hold real mistakes (a one-digit or
// three-digit hour, a missing front-matter fence, HTML timelines of migrated incidents): they
// are read where the meaning is plain, and reported where it is not.
import { load } from 'js-yaml';

export type PageImpact = 'critical' | 'major' | 'minor' | 'none' | 'maintenance';

export interface PageUpdate {
  /** Stable across runs and unique in its incident: the source's id, else the update's time. */
  id: string;
  /** Epoch ms: when the page showed it. */
  at: number;
  /** The page's status word: investigating, identified, monitoring, update, resolved, … */
  status: string;
  /** The heading of a cState update, when it has one. */
  heading?: string;
  text: string;
}

export interface PageIncident {
  /** `statuspage:<page id>/<incident id>` or `cstate:<file name>`: kept in every entry's source_id. */
  key: string;
  title: string;
  /** Epoch ms. */
  createdAt: number;
  resolvedAt?: number;
  impact: PageImpact;
  components: string[];
  /** Oldest first. */
  updates: PageUpdate[];
  /** Where it came from, for messages. */
  origin: string;
}

/** A source that could not be read, or an incident in it that could not. */
export interface PageProblem {
  origin: string;
  message: string;
}

export interface PageRead {
  incidents: PageIncident[];
  problems: PageProblem[];
  /** The page's name and zone, when the source says. */
  pageName?: string;
  zone?: string;
}

/** A time as pages write it; naive times are UTC. Accepts a one-digit and a zero-padded three-digit hour ("T9:06", "T015:00"). */
export function pageTime(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{1,3}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/i.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '0', offset] = m;
  const hour = Number(h);
  if (hour > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const local = Date.UTC(+y, +mo - 1, +d, hour, +mi, +s, Math.round(Number(`0.${frac}`) * 1000));
  if (Number.isNaN(local) || new Date(local).getUTCDate() !== +d) return undefined;
  if (!offset || offset.toUpperCase() === 'Z') return local;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return local - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

const IMPACTS: readonly PageImpact[] = ['critical', 'major', 'minor', 'none', 'maintenance'];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Text of a status update's body: HTML tags dropped, entities decoded, blank runs collapsed. */
export function pageText(body: string): string {
  return body
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|li|div)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (all, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? all;
    })
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The timeline GitHub's status page kept inside one migrated update: `<li><strong>2013-01-15 18:19:50</strong> - text</li>`. */
const EMBEDDED_ITEM = /<li>\s*<strong>\s*(\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?)\s*<\/strong>\s*-?\s*([\s\S]*?)(?=<\/li>|<li>|<\/ul>|$)/gi;

/** Statuspage's JSON: `{ incidents: [...] }`, `{ page, incident }`, an array of incidents, or one incident. */
export function readStatuspageJson(text: string, origin: string): PageRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { incidents: [], problems: [{ origin, message: `not JSON: ${(error as Error).message}` }] };
  }
  const root = (data ?? {}) as Record<string, unknown>;
  const page = (root.page ?? {}) as Record<string, unknown>;
  const list: unknown[] = Array.isArray(data) ? data : Array.isArray(root.incidents) ? root.incidents : root.incident ? [root.incident] : root.incident_updates ? [root] : [];
  const read: PageRead = { incidents: [], problems: [], pageName: typeof page.name === 'string' ? page.name : undefined, zone: typeof page.time_zone === 'string' ? page.time_zone : undefined };
  if (list.length === 0) read.problems.push({ origin, message: 'no incidents: expected Statuspage JSON with "incidents" or "incident"' });
  for (const item of list) {
    const incident = statuspageIncident(item as Record<string, unknown>, typeof page.id === 'string' ? page.id : undefined, origin);
    if ('message' in incident) read.problems.push(incident);
    else read.incidents.push(incident);
  }
  return read;
}

function statuspageIncident(raw: Record<string, unknown>, pageId: string | undefined, origin: string): PageIncident | PageProblem {
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  const createdAt = pageTime(raw.created_at);
  if (!id || createdAt === undefined) return { origin, message: `an incident without ${id ? 'a readable created_at' : 'an id'}: skipped` };
  const where = `${origin} (incident ${id})`;
  const rawUpdates = Array.isArray(raw.incident_updates) ? (raw.incident_updates as Record<string, unknown>[]) : [];
  let updates: PageUpdate[] = [];
  for (const u of rawUpdates) {
    const at = pageTime(u.display_at) ?? pageTime(u.created_at);
    const body = typeof u.body === 'string' ? u.body : '';
    if (at === undefined || typeof u.id !== 'string') return { origin: where, message: 'an update without an id or a readable time' };
    updates.push({ id: u.id, at, status: String(u.status ?? 'update').toLowerCase(), text: pageText(body) });
  }
  updates.sort((a, b) => a.at - b.at);
  // Incidents migrated from GitHub's old status site: one update, its time the migration's, the
  // real timeline inside it.
  if (updates.length === 1) {
    const body = String(rawUpdates[0].body ?? '');
    const items = [...body.matchAll(EMBEDDED_ITEM)];
    if (items.length > 0) {
      const resolved = updates[0].status === 'resolved';
      updates = items.map((m, i) => ({
        id: `${updates[0].id}#${i + 1}`,
        at: pageTime(m[1])!,
        status: i === items.length - 1 && resolved ? 'resolved' : i === 0 ? 'investigating' : 'update',
        text: pageText(m[2]),
      }));
      updates.sort((a, b) => a.at - b.at);
    }
  }
  const impact = IMPACTS.includes(raw.impact as PageImpact) ? (raw.impact as PageImpact) : 'none';
  const resolvedAt = raw.status === 'resolved' || raw.status === 'completed' ? (pageTime(raw.resolved_at) ?? updates.at(-1)?.at) : undefined;
  const components = Array.isArray(raw.components) ? (raw.components as { name?: unknown }[]).map((c) => c.name).filter((n): n is string => typeof n === 'string') : [];
  return {
    key: `statuspage:${pageId ?? String(raw.page_id ?? 'page')}/${id}`,
    title: typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : `Incident ${id}`,
    createdAt,
    resolvedAt,
    impact: raw.impact === undefined && (raw.scheduled_for || raw.status === 'completed') ? 'maintenance' : impact,
    components,
    updates,
    origin: where,
  };
}

const CSTATE_SEVERITY: Record<string, PageImpact> = { down: 'critical', disrupted: 'major', notice: 'none' };
const CSTATE_UPDATE = /\*\*([^*\n]+?)\*\*:?[ \t]*\n?([\s\S]*?)\{\{<\s*track\s+"([^"]+)"\s*>\}\}/g;

/** A cState issue (`content/issues/*.md`). `name` is its file name. */
export function readCstateIssue(text: string, name: string, origin: string): PageIncident | PageProblem {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // A file whose opening fence is missing still has its closing one after the front matter.
  const fenced = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)([\s\S]*)$/.exec(source) ?? /^([A-Za-z][\w-]*:[^\n]*\n[\s\S]*?)\n?---[ \t]*(?:\n|$)([\s\S]*)$/.exec(source);
  if (!fenced) return { origin, message: 'no front matter (title, date, …) found' };
  let front: Record<string, unknown>;
  try {
    front = (load(fenced[1]) ?? {}) as Record<string, unknown>;
  } catch (error) {
    return { origin, message: `front matter is not YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  const stem = name.replace(/\.md$/i, '');
  const date = pageTime(front.date);
  if (date === undefined) return { origin, message: `front matter "date" (${JSON.stringify(front.date)}) is not a time` };
  const body = fenced[2];
  const updates: PageUpdate[] = [];
  for (const m of body.matchAll(CSTATE_UPDATE)) {
    const at = pageTime(m[3]);
    if (at === undefined) return { origin, message: `track time "${m[3]}" is not a time` };
    updates.push({ id: new Date(at).toISOString(), at, status: 'update', heading: m[1].trim(), text: pageText(m[2]) });
  }
  if (updates.length === 0 && pageText(body) !== '') updates.push({ id: new Date(date).toISOString(), at: date, status: 'update', text: pageText(body) });
  updates.sort((a, b) => a.at - b.at);
  const resolved = front.resolved === true;
  const resolvedWhen = pageTime(front.resolvedWhen);
  const last = updates.at(-1);
  const resolvedAt = resolved ? (resolvedWhen ?? last?.at ?? date) : undefined;
  if (resolvedAt !== undefined) {
    if (last && Math.abs(last.at - resolvedAt) < 60_000) last.status = 'resolved';
    else updates.push({ id: 'resolved', at: Math.max(resolvedAt, last?.at ?? resolvedAt), status: 'resolved', text: '' });
  }
  if (updates.length > 0) updates[0].status = updates[0].status === 'resolved' ? 'resolved' : 'investigating';
  const severity = String(front.severity ?? '').toLowerCase();
  return {
    key: `cstate:${stem}`,
    title: typeof front.title === 'string' && front.title.trim() ? front.title.trim() : stem,
    createdAt: Math.min(date, updates[0]?.at ?? date),
    resolvedAt,
    impact: CSTATE_SEVERITY[severity] ?? 'minor',
    components: Array.isArray(front.affected) ? front.affected.map(String) : [],
    updates,
    origin,
  };
}
