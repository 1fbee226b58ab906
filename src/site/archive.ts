// The published archive, read once per build through the core: config, every incident folder
// loaded and checked (the same findings as `commlog check`), internal incidents dropped, and of
// each published incident only the lean facts that list pages show. Incident pages re-read their
// own folder (incidentView.ts), so no full incident or body is held for the whole build.
import { checkIncident } from '../core/check.ts';
import type { Config } from '../core/config/config.ts';
import { RULES, type Finding } from '../core/findings.ts';
import { incidentFacts, type IncidentFacts } from '../core/metrics/facts.ts';
import type { Incident } from '../core/model.ts';
import { redactContacts } from '../core/render/redact.ts';
import { instantToLocal } from '../core/time/zone.ts';
import { listIncidentIds, readConfig, readIncidentFiles } from '../node/repository.ts';
import { slug } from './format.ts';
import { plainExcerpt } from './excerpt.ts';
import { reportDigest, type ReportDigest } from './reportDigest.ts';
import { siteNow, siteRoot } from './settings.ts';

export interface FeedbackNote {
  at: number;
  rating?: number;
  comment?: string;
}

export interface ArchiveIncident extends IncidentFacts {
  title: string;
  year: number;
  clientSlug: string;
  /** Compliance findings (warnings and errors of the compliance rules). */
  missed: number;
  /** Published related incidents. */
  related: string[];
  tags: string[];
  /** Plain-text opening of the description, contact details withheld, for feeds and lists. */
  excerpt: string;
  feedback: FeedbackNote[];
  report?: ReportDigest;
}

export interface ClientGroup {
  name: string;
  slug: string;
  /** Newest first. */
  incidents: ArchiveIncident[];
}

export interface Archive {
  root: string;
  config: Config;
  now: number;
  /** Published incidents, newest first. */
  incidents: ArchiveIncident[];
  byId: Map<string, ArchiveIncident>;
  clients: ClientGroup[];
  /** Incident folders not published: internal, or incident.md unreadable. */
  withheld: number;
}

export interface LoadedIncident {
  incident: Incident;
  findings: Finding[];
}

/** Loads and checks one incident folder as `commlog check` does. */
export function loadChecked(root: string, id: string, config: Config, now: number, knownIds: ReadonlySet<string>): LoadedIncident | undefined {
  const result = checkIncident(readIncidentFiles(root, id), { config, now, knownIds });
  if (!result.incident) return undefined;
  return { incident: result.incident, findings: result.findings };
}

function archiveIncident(loaded: LoadedIncident, config: Config, now: number): ArchiveIncident {
  const { incident, findings } = loaded;
  const facts = incidentFacts(incident, findings, config, now);
  const redact = config.publish.contactDetails ? (s: string) => s : redactContacts;
  const feedback: FeedbackNote[] = [];
  for (const e of incident.entries) {
    if (e.internal || !e.feedback) continue;
    feedback.push({ at: e.at, rating: e.feedback.rating, comment: e.feedback.comment === undefined ? undefined : redact(e.feedback.comment) });
  }
  let missed = 0;
  for (const f of findings) if (RULES[f.rule].family === 'compliance') missed++;
  return {
    ...facts,
    title: redact(incident.title),
    year: instantToLocal(incident.zone, incident.openedAt).year,
    clientSlug: slug(incident.client),
    missed,
    related: incident.related,
    tags: incident.tags,
    excerpt: redact(plainExcerpt(incident.body)),
    feedback,
    report: incident.report ? reportDigest(incident.report, config.requiredHeadings, redact) : undefined,
  };
}

function buildArchive(): Archive {
  const root = siteRoot();
  const config = readConfig(root);
  const now = siteNow(config.timezone);
  const ids = listIncidentIds(root);
  const knownIds = new Set(ids);
  const incidents: ArchiveIncident[] = [];
  let withheld = 0;
  for (const id of ids) {
    const loaded = loadChecked(root, id, config, now, knownIds);
    if (!loaded || loaded.incident.internal) {
      withheld++;
      continue;
    }
    incidents.push(archiveIncident(loaded, config, now));
  }
  incidents.sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? -1 : 1));
  const byId = new Map(incidents.map((i) => [i.id, i]));
  for (const i of incidents) i.related = i.related.filter((r) => byId.has(r));
  return { root, config, now, incidents, byId, clients: groupByClient(incidents), withheld };
}

function groupByClient(incidents: readonly ArchiveIncident[]): ClientGroup[] {
  const groups = new Map<string, ClientGroup>();
  const taken = new Map<string, string>();
  for (const i of incidents) {
    let g = groups.get(i.client);
    if (!g) {
      // Two client names with the same slug get distinct paths.
      let s = i.clientSlug;
      for (let n = 2; taken.has(s) && taken.get(s) !== i.client; n++) s = `${i.clientSlug}-${n}`;
      taken.set(s, i.client);
      g = { name: i.client, slug: s, incidents: [] };
      groups.set(i.client, g);
    }
    i.clientSlug = g.slug;
    g.incidents.push(i);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

let cached: Archive | undefined;

/** The archive of this build, loaded on first use. */
export function archive(): Archive {
  cached ??= buildArchive();
  return cached;
}
