// The check report's one contract: what the CLI writes is what `commlog comment` reads, with
// each incident's zone and PM address and each finding's docs address beyond cli.md's fields.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIncident, totalsOf } from '../check.ts';
import { listIncidentIds, readConfig, readIncidentFiles } from '../../node/repository.ts';
import { checkReportOf, parseCheckReport, serializeCheckReport } from './checkReport.ts';

const ROOT = join(import.meta.dirname, '../rules/fixtures/worked-examples');
const ID = 'example-1-urgent-gap';

function reportAt(now: string) {
  const config = readConfig(ROOT);
  const checked = checkIncident(readIncidentFiles(ROOT, ID), { config, now: Date.parse(now), knownIds: new Set(listIncidentIds(ROOT)) });
  const summaries = [checked.summary];
  return checkReportOf({ now: Date.parse(now), summaries, findings: checked.findings, totals: totalsOf(summaries, checked.findings) });
}

describe('the check report', () => {
  it('reads back exactly as written', () => {
    const report = reportAt('2026-11-02T13:30:00Z');
    expect(parseCheckReport(serializeCheckReport(report))).toEqual(report);
  });

  it("carries each incident's zone and PM address, and each finding's due in that zone", () => {
    const report = reportAt('2026-11-02T13:30:00Z');
    expect(report.incidents).toEqual([
      { id: ID, status: 'open', priority: 'urgent', errors: 0, warnings: 2, zone: 'Europe/London', pm_email: 'pat.manager@example.com' },
    ]);
    expect(report.findings.map((f) => f.due)).toEqual(['2026-11-02T11:05:00+00:00', '2026-11-02T13:05:00+00:00']);
  });

  it("gives each finding the address of its rule's documentation", () => {
    const report = reportAt('2026-11-02T13:30:00Z');
    expect(report.findings.map((f) => f.docs)).toEqual(report.findings.map((f) => `https://github.com/commlog/commlog/blob/main/docs/rules.md#${f.rule}`));
  });

  it("writes cli.md's fields in its order, then the added ones", () => {
    const report = reportAt('2026-11-02T13:30:00Z');
    expect(Object.keys(report)).toEqual(['version', 'now', 'summary', 'incidents', 'findings']);
    expect(report.now).toBe('2026-11-02T13:30:00Z');
    expect(Object.keys(report.summary)).toEqual(['incidents', 'entries', 'errors', 'warnings']);
    expect(Object.keys(report.findings[0])).toEqual(['rule', 'severity', 'incident', 'file', 'line', 'message', 'due', 'docs']);
  });

  it('reads reports written before zone and pm_email existed', () => {
    const old = { version: 1, now: '2026-11-02T13:30:00Z', summary: { incidents: 1, entries: 0, errors: 0, warnings: 0 }, incidents: [{ id: 'a', status: 'open', priority: 'high', errors: 0, warnings: 0 }], findings: [] };
    expect(parseCheckReport(JSON.stringify(old)).incidents[0].zone).toBeUndefined();
  });

  it('names the first problem of a document that is not a report', () => {
    expect(() => parseCheckReport('{"version": 1, "now": "x", "summary": {}, "incidents": [], "findings": []}')).toThrow(/not a commlog check report: summary\.incidents:/);
  });
});
