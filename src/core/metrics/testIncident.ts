// Builders for metric tests: a loaded incident in Europe/London with only the fields given.
import { RULES, type Finding, type RuleId } from '../findings.ts';
import type { Incident, LogEntry } from '../model.ts';
import { parseTimestamp } from '../time/timestamp.ts';

export const ZONE = 'Europe/London';
export const t = (local: string) => parseTimestamp(local, ZONE);

export function entry(at: string, fields: Partial<LogEntry> = {}): LogEntry {
  const name = `${at.replace(/[: ]/g, '')}.md`;
  return {
    file: `incidents/x/log/${name}`,
    name,
    keyLines: {},
    at: t(at),
    direction: 'outbound',
    channel: 'email',
    kind: 'update',
    contacts: [],
    author: 'sam',
    summary: 'update',
    cc: [],
    commitments: [],
    done: [],
    internal: false,
    body: '',
    bodyLine: 1,
    ...fields,
  };
}

export function incident(fields: Partial<Incident> & { opened: string }): Incident {
  const { opened, ...rest } = fields;
  return {
    id: 'x',
    dir: 'incidents/x',
    file: 'incidents/x/incident.md',
    keyLines: {},
    zone: ZONE,
    title: 'Checkout fails',
    client: 'Acme',
    openedAt: t(opened),
    reporter: { name: 'Jo' },
    priority: 'medium',
    status: 'open',
    pm: { name: 'Pat', email: 'pat@us.example' },
    tags: [],
    related: [],
    internal: false,
    body: '',
    entries: [],
    ...rest,
  };
}

export function finding(rule: RuleId, due?: string): Finding {
  return { rule, severity: 'warning', incident: 'x', zone: ZONE, file: 'incidents/x/incident.md', message: rule, due: due === undefined ? undefined : t(due), docs: RULES[rule].docsUrl };
}
