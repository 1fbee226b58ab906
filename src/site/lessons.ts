// The lessons learned across the archive: root causes by category, every prevention action
// (open first), and recurring problems.
import type { Recurrence, RepeatReason } from '../core/metrics/recurrence.ts';
import type { Archive, ArchiveIncident } from './archive.ts';
import type { PreventionAction } from './reportDigest.ts';

export interface ActionRow extends PreventionAction {
  incident: ArchiveIncident;
}

export interface RootCauseGroup {
  category: string;
  incidents: ArchiveIncident[];
}

export const NO_CATEGORY = 'uncategorised';

/** Root-cause category of a report, else the incident's category. */
export function rootCauseGroups(archive: Archive): RootCauseGroup[] {
  const groups = new Map<string, ArchiveIncident[]>();
  for (const i of archive.incidents) {
    if (!i.report?.rootCause && !i.report?.rootCauseCategory) continue;
    const key = i.report.rootCauseCategory ?? i.category ?? NO_CATEGORY;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  return [...groups.entries()].map(([category, incidents]) => ({ category, incidents })).sort((a, b) => b.incidents.length - a.incidents.length || a.category.localeCompare(b.category));
}

/** Every prevention action: open ones first, then newest incident first. */
export function allActions(archive: Archive): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const i of archive.incidents) for (const a of i.report?.actions ?? []) rows.push({ ...a, incident: i });
  return rows.sort((a, b) => Number(a.done) - Number(b.done) || b.incident.openedAt - a.incident.openedAt);
}

/** Why an incident is taken for the same client's problem again, as readers are told. */
export const REPEAT_WHY: Record<RepeatReason, string> = {
  related: 'linked as related',
  category: 'same client and category group',
  tag: 'tagged recurring',
};

/** A category's group in the config (`categories` as a map), else the category itself. */
export function categoryGroup(archive: Archive, category: string): string {
  return archive.config.categoryGroups[category] ?? category;
}

export interface RecurrenceRow extends Recurrence {
  incident: ArchiveIncident;
}

/** Recurrences, newest first. */
export function recurrences(archive: Archive): RecurrenceRow[] {
  return [...archive.recurrences.values()]
    .map((r) => ({ ...r, incident: archive.byId.get(r.id)! }))
    .sort((a, b) => b.incident.openedAt - a.incident.openedAt);
}
