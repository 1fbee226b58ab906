import type { Incident, LogEntry } from '../model.ts';

/** Where a finding about an entry points: the line of `key` in its frontmatter, else line 1. */
export function entryLine(entry: LogEntry, key?: string): number {
  return (key && entry.keyLines[key]) || 1;
}

/** Where a finding about the incident as a whole points: a key of incident.md, else line 1. */
export function incidentLine(incident: Incident, key?: string): number {
  return (key && incident.keyLines[key]) || 1;
}
