// Worked example 5 of rules.md, as an incident folder read from disk and loaded as
// `commlog check` loads it, with the report rules run and the configured severities applied.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySeverities } from '../findings.ts';
import { loadIncident } from '../load/loadIncident.ts';
import { readConfig, readIncidentFiles } from '../../node/repository.ts';
import { REPORT_RULES } from './registry.ts';

const ROOT = join(import.meta.dirname, 'fixtures/report-worked-example-5');
const ID = 'example-5-closed-report';

describe('worked example 5 of rules.md', () => {
  it('a closed incident whose report lacks "Suspected root cause" and has only TBD under "Exposure / impacts": one report-heading and one report-empty, both errors', () => {
    const config = readConfig(ROOT);
    const now = Date.parse('2026-11-20T18:00:00Z');
    const loaded = loadIncident(readIncidentFiles(ROOT, ID), { config, now, knownIds: new Set([ID]) });
    expect(loaded.findings).toEqual([]);
    const incident = loaded.incident!;
    expect(incident.status).toBe('closed');
    const found = REPORT_RULES.flatMap((rule) => rule.run(incident, { config, now }));
    const findings = applySeverities(ID, found, config.rules, incident.zone);
    expect(findings.map(({ rule, severity, file, line, message }) => ({ rule, severity, file, line, message }))).toEqual([
      {
        rule: 'report-heading',
        severity: 'error',
        file: `incidents/${ID}/report.md`,
        line: 1,
        message: 'Required heading "Suspected root cause" is missing from the report (also accepted: "Root cause", "Root causes", "Cause"): add a "## Suspected root cause" section',
      },
      {
        rule: 'report-empty',
        severity: 'error',
        file: `incidents/${ID}/report.md`,
        line: 25,
        message: 'Section "Exposure / impacts" has no content (only "TBD"): describe who was affected and how',
      },
    ]);
  });
});
