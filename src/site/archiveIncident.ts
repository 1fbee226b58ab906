// One published incident as list pages need it: the lean facts computed from the incident loaded
// and checked through the core, contact details withheld. No body is kept.
import { checkIncident } from '../core/check.ts';
import type { Config } from '../core/config/config.ts';
import type { Finding } from '../core/findings.ts';
import { incidentFacts, type IncidentFacts } from '../core/metrics/facts.ts';
import type { LoggedEntry } from '../core/metrics/logDelay.ts';
import type { Incident, LogEntry } from '../core/model.ts';
import { redactContacts } from '../core/render/redact.ts';
import { instantToLocal } from '../core/time/zone.ts';
import { readIncidentFiles } from '../node/repository.ts';
import { plainExcerpt } from './excerpt.ts';
import { slug } from './format.ts';
import { reportDigest, type ReportDigest } from './reportDigest.ts';

export interface FeedbackNote {
  at: number;
  rating?: number;
  comment?: string;
}

export interface ArchiveIncident extends IncidentFacts {
  title: string;
  year: number;
  clientSlug: string;
  /** Published related incidents. */
  related: string[];
  tags: string[];
  /** Plain-text opening of the description, contact details withheld, for feeds and lists. */
  excerpt: string;
  /** When its public record last changed: the latest published entry or the resolution (at most Now). */
  updatedAt: number;
  feedback: FeedbackNote[];
  report?: ReportDigest;
  /**
   * Its published entries' files, named as on disk (never shown), and times, for the logging
   * delay (trends). Content, not history: the build cache may keep it. archive.ts combines it
   * with git's history once and then drops it.
   */
  loggedEntries?: LoggedEntry[];
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

/**
 * `entries`: the incident's entries as loaded, before publication withheld contact details
 * from their file names: git's history knows the files by their own names.
 */
export function archiveIncident(loaded: LoadedIncident, config: Config, now: number, entries: readonly LogEntry[]): ArchiveIncident {
  const { incident } = loaded;
  const facts = incidentFacts(incident, config, now);
  const redact = config.publish.contactDetails ? (s: string) => s : redactContacts;
  const feedback: FeedbackNote[] = [];
  let updatedAt = Math.max(incident.openedAt, incident.resolvedAt ?? incident.openedAt);
  for (const e of incident.entries) {
    if (!e.internal) updatedAt = Math.max(updatedAt, e.at);
    if (e.internal || !e.feedback) continue;
    feedback.push({ at: e.at, rating: e.feedback.rating, comment: e.feedback.comment === undefined ? undefined : redact(e.feedback.comment) });
  }
  return {
    ...facts,
    title: redact(incident.title),
    year: instantToLocal(incident.zone, incident.openedAt).year,
    clientSlug: slug(incident.client),
    related: incident.related,
    tags: incident.tags,
    excerpt: redact(plainExcerpt(incident.body)),
    // An entry dated after Now is a warning of `check`; the feed never dates one in the future.
    updatedAt: Math.min(updatedAt, now),
    feedback,
    report: incident.report ? reportDigest(incident.report, config.requiredHeadings, redact) : undefined,
    loggedEntries: entries.filter((e) => !e.internal).map((e) => ({ file: e.file, at: e.at })),
  };
}
