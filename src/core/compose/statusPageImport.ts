// `commlog import-statuspage`: a status page's incidents -> incidents and outbound
// `status-page` entries, so a team's history is in the log from day one. A public page names no
// reporter, PM or contact: those come from the command's flags (the contact is the page's
// audience), never invented. Each entry keeps the source's id in `source_id`, which makes the
// import rerunnable: what the log already holds is skipped. Pure.
import type { Priority, Severity, Person } from '../schema/values.ts';
import type { EntryDraft } from './entry.ts';
import type { IncidentDraft } from './incident.ts';
import type { PageImpact, PageIncident, PageUpdate } from './statusPageSources.ts';

export interface StatusPageImportOptions {
  client: string;
  pm: Person;
  /** Staff handle: the entries' author and the incidents' owner. */
  author: string;
  /** Who reads the page: every entry's contact, and the incidents' reporter. */
  audience: Person;
}

export interface ImportedIncident {
  key: string;
  /** Set when the log has no incident from this source yet. */
  draft?: IncidentDraft & { status: 'open' | 'resolved'; resolvedAt?: number };
  /** Updates the log does not hold yet, oldest first. */
  entries: EntryDraft[];
  /** The promises found in the updates: for the command's report. */
  promises: { sourceId: string; phrase: string; at: number; nextUpdateBy: number }[];
}

const PRIORITY: Record<PageImpact, Priority> = { critical: 'urgent', major: 'high', minor: 'medium', none: 'low', maintenance: 'low' };
const SEVERITY: Record<PageImpact, Severity> = { critical: 'critical', major: 'high', minor: 'medium', none: 'low', maintenance: 'low' };
const MAX_SUMMARY = 300;

/** `sourceIds`: the source_id of every entry already in the log; `known`: whether the log has an incident of that key. */
export function importPageIncident(page: PageIncident, sourceIds: ReadonlySet<string>, known: boolean, options: StatusPageImportOptions): ImportedIncident {
  const promises: ImportedIncident['promises'] = [];
  const entries: EntryDraft[] = [];
  page.updates.forEach((update, index) => {
    const sourceId = `${page.key}/${update.id}`;
    if (sourceIds.has(sourceId)) return;
    const promise = promisedUpdate(update.text, update.at);
    if (promise) promises.push({ sourceId, phrase: promise.phrase, at: update.at, nextUpdateBy: promise.at });
    const resolution = update.status === 'resolved';
    entries.push({
      at: update.at,
      direction: 'outbound',
      channel: 'status-page',
      contacts: [options.audience],
      author: options.author,
      summary: summaryOf(update),
      kind: resolution ? 'resolution' : index === 0 ? 'acknowledgement' : 'update',
      nextUpdateBy: resolution ? undefined : promise?.at,
      sourceId,
      body: update.text || `The page marked the incident ${update.status}.`,
    });
  });
  const openedAt = Math.min(page.createdAt, ...page.updates.map((u) => u.at));
  const draft = known
    ? undefined
    : {
        title: oneLine(page.title),
        client: options.client,
        openedAt,
        reporter: options.audience,
        priority: PRIORITY[page.impact],
        severity: SEVERITY[page.impact],
        pm: options.pm,
        owner: options.author,
        tags: ['status-page', ...(page.impact === 'maintenance' ? ['maintenance'] : []), ...page.components],
        status: page.resolvedAt === undefined ? ('open' as const) : ('resolved' as const),
        resolvedAt: page.resolvedAt === undefined ? undefined : Math.max(page.resolvedAt, openedAt),
        description: `Imported from the status page (${page.key}).`,
      };
  return { key: page.key, draft, entries, promises };
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_SUMMARY ? line : `${line.slice(0, MAX_SUMMARY - 1).trimEnd()}…`;
}

/** "Investigating: We are investigating reports of …", at most one line of 300 characters. */
function summaryOf(update: PageUpdate): string {
  const label = update.heading ?? update.status.charAt(0).toUpperCase() + update.status.slice(1);
  const text = update.text.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return oneLine(sentence ? `${label}: ${sentence}` : label);
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10, fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, sixty: 60, ninety: 90 };
const AMOUNT = '(\\d+(?:\\.\\d+)?|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty-five|sixty|ninety)';
const UNIT = '(minutes?|mins?|hours?|hrs?)';

/** "next update in 1 hour", "we will post an update within 30 minutes", "Next update in 15 mins". */
const RELATIVE = new RegExp(`\\bupdate\\b[^.\\n]{0,40}?\\b(?:in|within)\\s+(?:the\\s+next\\s+|about\\s+|approximately\\s+|roughly\\s+)?${AMOUNT}\\s*${UNIT}\\b`, 'i');
/** "next update by 18:00 UTC", "an update at 14:30 GMT". */
const ABSOLUTE = /\bupdate\b[^.\n]{0,40}?\b(?:by|at|before|around)\s+(\d{1,2})[:.]?(\d{2})\s*(UTC|GMT|Z)\b/i;

/** The next update an update's text promises, if it names a time: relative to when it was posted, or a UTC time of day. */
export function promisedUpdate(text: string, at: number): { at: number; phrase: string } | undefined {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const amount = NUMBER_WORDS[relative[1].toLowerCase()] ?? Number(relative[1]);
    const minutes = /^h/i.test(relative[2]) ? amount * 60 : amount;
    if (minutes > 0 && minutes <= 7 * 24 * 60) return { at: at + Math.round(minutes * 60_000), phrase: relative[0] };
  }
  const absolute = ABSOLUTE.exec(text);
  if (absolute && +absolute[1] <= 23 && +absolute[2] <= 59) {
    const day = new Date(at);
    let promised = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), +absolute[1], +absolute[2]);
    if (promised <= at) promised += 86_400_000;
    return { at: promised, phrase: absolute[0] };
  }
  return undefined;
}

/**
 * incident.md with `status: open` turned into `status: resolved` and a `resolved_at`, the rest
 * as written; undefined when its frontmatter does not read plainly so (then a person edits it).
 */
export function resolvedIncidentText(text: string, resolvedAt: string): string | undefined {
  const end = text.indexOf('\n---', 3);
  if (!text.startsWith('---\n') || end < 0) return undefined;
  const front = text.slice(0, end);
  if (/^resolved_at\s*:/m.test(front)) return undefined;
  const status = /^status:[ \t]*open[ \t]*$/m;
  if (!status.test(front)) return undefined;
  return front.replace(status, `status: resolved\nresolved_at: ${resolvedAt}`) + text.slice(end);
}
