// The JSON document of cli.md, field by field: nothing internal leaks into it.
import type { Finding } from '../../core/findings.ts';
import { formatInstantIso } from '../../core/time/zone.ts';
import type { RepositoryCheck } from '../../node/checkRepository.ts';

export function formatCheckJson(result: RepositoryCheck, zoneOf: (incident: string) => string): string {
  const document = {
    version: 1,
    now: new Date(result.now).toISOString().replace(/\.000Z$/, 'Z'),
    summary: result.totals,
    incidents: result.summaries.map((s) => ({ id: s.id, status: s.status ?? null, priority: s.priority ?? null, errors: s.errors, warnings: s.warnings })),
    findings: result.findings.map((f) => findingJson(f, zoneOf(f.incident))),
  };
  // Compact: the document is for programs, and a large repository has 100,000 findings.
  return `${JSON.stringify(document)}\n`;
}

function findingJson(f: Finding, zone: string) {
  return {
    rule: f.rule,
    severity: f.severity,
    incident: f.incident,
    file: f.file,
    ...(f.line === undefined ? {} : { line: f.line }),
    message: f.message,
    ...(f.due === undefined ? {} : { due: formatInstantIso(zone, f.due) }),
    ...(f.window === undefined ? {} : { window: f.window }),
    ...(f.commitment === undefined ? {} : { commitment: f.commitment }),
  };
}
