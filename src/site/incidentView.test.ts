// The checker's findings on the incident page: what the team did and how it communicated, not
// problems of the files themselves. The communication-quality checks of quality.md that are
// validity findings (a priority below the triage answer's, blame in the report) are about the
// team's conduct: the internal archive lists them, a public site does not.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIncident } from '../core/check.ts';
import { readConfig, readIncidentFiles } from '../node/repository.ts';
import { buildView } from './incidentView.ts';

const ROOT = join(import.meta.dirname, '../..');
const ID = '2026-11-09-meridian-eta-emails-wrong-timezone';
const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('quality findings on the incident page', () => {
  const config = readConfig(ROOT);
  const checked = checkIncident(readIncidentFiles(ROOT, ID), { config, now: NOW, knownIds: new Set([ID]) });
  const triage = checked.findings.find((f) => f.rule === 'priority-triage')!;

  it('lists the example opened below its triage answer among the internal findings, with its rule', () => {
    expect(triage).toBeDefined();
    const { otherFindings } = buildView(checked.incident!, checked.findings, config, NOW, 'internal');
    expect(otherFindings).toContainEqual({ message: triage.message, rule: 'priority-triage', docs: triage.docs });
  });

  it('leaves blame in the report to the internal archive, and file problems to check', () => {
    const blame = { ...triage, rule: 'report-blame' as const, file: `incidents/${ID}/report.md`, message: 'Sentence blames a person' };
    const empty = { ...triage, rule: 'report-empty' as const, file: `incidents/${ID}/report.md`, message: 'Section is empty' };
    const internal = buildView(checked.incident!, [blame, empty], config, NOW, 'internal').otherFindings.map((f) => f.rule);
    expect(internal).toEqual(['report-blame']);
    expect(buildView(checked.incident!, [triage, blame], config, NOW, 'public').otherFindings).toEqual([]);
  });
});
