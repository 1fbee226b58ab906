// The report rules on material written elsewhere: real postmortems (mostly negatives: none has
// all our headings) must give findings and never throw; generated reports must give none.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingPrerequisite } from '../../../test/support/prerequisites.ts';
import type { RuleFinding } from '../findings.ts';
import { loadIncident } from '../load/loadIncident.ts';
import { parseFrontmatter } from '../parse/frontmatter.ts';
import { parseReport } from '../report/reportDocument.ts';
import { listIncidentIds, readConfig, readIncidentFiles } from '../../node/repository.ts';
import { REPORT_RULES } from './registry.ts';
import { incidentWith, runReportRules } from '../testing/reportFixtures.ts';

const SHARED = join(import.meta.dirname, '../../../../shared');
const POSTMORTEMS = join(SHARED, 'realdata/postmortems');
const GENERATOR = join(SHARED, 'bench/gen-corpus.mjs');

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md') && name !== 'SOURCES.md') out.push(path);
  }
  return out;
}

/** A real postmortem as a report: its frontmatter is someone else's, so only its body is read. */
function postmortemFindings(path: string, severity?: 'critical' | 'high' | 'medium' | 'low'): RuleFinding[] {
  const text = readFileSync(path, 'utf8');
  const fm = parseFrontmatter(text);
  const body = fm.ok ? fm.body : text;
  const report = parseReport({ file: relative(POSTMORTEMS, path), body, bodyLine: fm.ok ? fm.bodyLine : 1, frontmatter: {} });
  return runReportRules(incidentWith(report, { severity }));
}

describe.skipIf(missingPrerequisite(POSTMORTEMS, 'report rules on real postmortems'))('report rules on real postmortems', () => {
  it('give every one findings, and never throw', () => {
    const files = markdownFiles(POSTMORTEMS);
    expect(files.length).toBeGreaterThan(140);
    for (const file of files) expect(postmortemFindings(file).length, file).toBeGreaterThan(0);
  }, 120_000);

  it("read PortSwigger's `## Severity` with **Critical** as the severity critical", () => {
    const file = join(POSTMORTEMS, 'portswigger-cloud/2024_10_saas-outage.md');
    const findings = postmortemFindings(file, 'high');
    expect(findings.filter((f) => f.rule === 'report-severity')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'report-severity-mismatch').map((f) => [f.line, f.message])).toEqual([
      [3, 'The report\'s severity is "critical" ("Severity" section) but incident.md says "high": correct whichever is out of date'],
    ]);
  });

  it('end a Timeline section at the next heading of its level, even when that heading is part of the timeline', () => {
    const file = join(POSTMORTEMS, '2i2c/2025-05-12-earthscope-resource-provisioning-issue.md');
    expect(postmortemFindings(file).filter((f) => f.rule === 'report-timeline').map((f) => f.line)).toEqual([14]);
  });

  it('read a bold label followed by a lone `-` in a list as a setext heading, as CommonMark does', () => {
    const file = join(POSTMORTEMS, 'moj-cloud-platform/index.md');
    expect(postmortemFindings(file).filter((f) => f.rule === 'report-empty').map((f) => f.message)).toEqual([
      'Section "Impact:" is empty: describe who was affected and how',
      'Section "Resolution:" is empty: describe how the issue was resolved',
    ]);
  });
});

describe.skipIf(missingPrerequisite(GENERATOR, 'report rules on generated reports'))('report rules on generated reports', () => {
  const out = mkdtempSync(join(tmpdir(), 'commlog-report-rules-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('find nothing in a 300-incident corpus (aliases, trailing colons, bold severities included)', () => {
    execFileSync(process.execPath, [GENERATOR, '--out', out, '--incidents', '300', '--seed', '11', '--quiet']);
    const config = readConfig(out);
    const now = Date.parse('2026-11-20T18:00:00Z');
    const ids = listIncidentIds(out);
    const knownIds = new Set(ids);
    let reports = 0;
    const findings: RuleFinding[] = [];
    for (const id of ids) {
      const { incident } = loadIncident(readIncidentFiles(out, id), { config, now, knownIds });
      if (!incident) continue;
      if (incident.report) reports++;
      for (const rule of REPORT_RULES) findings.push(...rule.run(incident, { config, now }));
    }
    expect(reports).toBeGreaterThan(200);
    expect(findings).toEqual([]);
  }, 120_000);
});
