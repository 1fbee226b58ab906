// Issue 17: a message comparing two times shows the seconds when they are what differs
// ("resolved_at (10:14) is before opened_at (10:14)" told the reader nothing).
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { loadIncident } from './loadIncident.ts';

const config = parseConfig('timezone: Europe/London\n');

function incidentFile(openedAt: string, resolvedAt: string) {
  const text = `---\ntitle: T\nclient: C\nopened_at: ${openedAt}\nreporter: R\npriority: low\nstatus: resolved\nresolved_at: ${resolvedAt}\npm: { name: P, email: p@example.com }\n---\n`;
  return { id: 'a-1', dir: 'incidents/a-1', incident: { path: 'incidents/a-1/incident.md', text }, entries: [], strays: [] };
}

const messages = (openedAt: string, resolvedAt: string) =>
  loadIncident(incidentFile(openedAt, resolvedAt), { config, now: Date.parse('2026-12-01T00:00:00Z'), knownIds: new Set(['a-1']) }).findings.map((f) => f.message);

describe('times compared in a message', () => {
  it('show seconds when both fall in the same minute', () => {
    expect(messages('2026-11-02T10:14:40', '2026-11-02T10:14:05')).toEqual([
      'Field "resolved_at" (2026-11-02 10:14:05 GMT) is before "opened_at" (2026-11-02 10:14:40 GMT): an incident cannot be resolved before it was opened',
    ]);
  });

  it('stay to the minute otherwise', () => {
    expect(messages('2026-11-02T10:15', '2026-11-02T10:14:05')[0]).toMatch(/\(2026-11-02 10:14 GMT\) is before "opened_at" \(2026-11-02 10:15 GMT\)/);
  });
});
