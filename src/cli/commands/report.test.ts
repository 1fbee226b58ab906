import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/config.ts';
import type { RuleFinding } from '../../core/findings.ts';
import { REPORT_RULES } from '../../core/rules/registry.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { loadOneIncident } from '../../node/loadOneIncident.ts';
import { checkFindings, commlog, copyFixture, OPEN_INCIDENT, RESOLVED_INCIDENT } from './writingTestKit.ts';

const PROJECT = join(import.meta.dirname, '../../..');
const NOW = parseTimestamp('2026-11-03T12:00Z', 'UTC');

let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => dispose());

/** The report rules of rules.md on the incident as written. */
function reportFindings(id: string): RuleFinding[] {
  const config = parseConfig(readFileSync(join(root, 'commlog.config.yaml'), 'utf8'));
  const incident = loadOneIncident(root, id, config, NOW);
  return REPORT_RULES.flatMap((rule) => rule.run(incident, { config, now: NOW }));
}

function emptyHeadings(findings: RuleFinding[], text: string): string[] {
  const lines = text.split('\n');
  return findings.filter((f) => f.rule === 'report-empty').map((f) => lines[f.line! - 1]);
}

describe('commlog report', () => {
  it('writes report.md with every heading; only the sections a person writes are report-empty', async () => {
    const result = await commlog(['report', RESOLVED_INCIDENT, '--root', root], root);
    expect(result).toMatchObject({ code: 0, stdout: `incidents/${RESOLVED_INCIDENT}/report.md\n`, stderr: '' });
    const text = readFileSync(join(root, result.stdout.trim()), 'utf8');
    const findings = reportFindings(RESOLVED_INCIDENT);
    expect(findings.filter((f) => f.rule !== 'report-empty')).toEqual([]);
    expect(emptyHeadings(findings, text)).toEqual(['## Exposure / impacts', '## Suspected root cause', '## Resolution of issue', '## Mitigation steps / prevention in future']);
    expect((await checkFindings(root, '2026-11-03T12:00', [RESOLVED_INCIDENT])).filter((f) => f.rule === 'schema')).toEqual([]);
  });

  it('fills Date, Reporter and Severity from incident.md and drafts the timeline from the log', async () => {
    await commlog(['report', RESOLVED_INCIDENT, '--root', root], root);
    const text = readFileSync(join(root, `incidents/${RESOLVED_INCIDENT}/report.md`), 'utf8');
    const section = (heading: string) => text.split(`## ${heading}\n\n`)[1].split('\n\n## ')[0];
    expect(section('Date of incident')).toBe('Monday 26 October 2026, reported at 14:00 GMT; resolved Tuesday 27 October 2026 11:30 GMT.');
    expect(section('Reporter')).toBe('Ben Okoro, Acme Stores, by email from the client at 14:00 GMT.');
    expect(section('Severity')).toBe('**Medium**');
    const rows = section('Timeline of response').split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| time') && !l.startsWith('| ---'));
    expect(rows).toEqual([
      '| Mon 26 Oct 14:00 | email from the client | Ben reports that product search takes about 20 seconds since this morning. | Ben Okoro, dana.okafor |',
      '| Mon 26 Oct 14:15 | email to the client | Acknowledged; looking at the search index; next update tomorrow by 10:00. | dana.okafor, Ben Okoro |',
      '| Tue 27 Oct 09:30 | email to the client | Search index rebuilt overnight; search answers in under a second; monitoring until 11:30. | dana.okafor, Ben Okoro |',
      '| Tue 27 Oct 11:30 | email to the client | Resolved - search has stayed fast all morning. | dana.okafor, Ben Okoro |',
      '| Tue 27 Oct 11:30 | — | resolved |  |',
    ]);
    // The internal-only entry is never in a report that is circulated to the client.
    expect(text).not.toMatch(/index rebuild job was disabled/);
    expect(section('Timeline of response')).toMatch(/1 internal-only log entry is not listed/);
  });

  it('follows renamed and extra required headings of the config', async () => {
    writeFileSync(
      join(root, 'commlog.config.yaml'),
      [
        'timezone: Europe/London',
        'report:',
        '  required_headings:',
        '    - { name: When }',
        '    - { name: Impact }',
        '    - { name: Timeline }',
        '    - { name: Action items }',
        '    - { name: Lessons learned }',
        '',
      ].join('\n'),
    );
    await commlog(['report', OPEN_INCIDENT, '--root', root], root);
    const text = readFileSync(join(root, `incidents/${OPEN_INCIDENT}/report.md`), 'utf8');
    expect(text.match(/^## .*$/gm)).toEqual(['## When', '## Impact', '## Timeline', '## Action items', '## Lessons learned']);
    const findings = reportFindings(OPEN_INCIDENT);
    expect(findings.filter((f) => f.rule === 'report-heading')).toEqual([]);
    // "Timeline" is the default's alias, so it is drafted from the log; the rest is a person's to write.
    expect(emptyHeadings(findings, text)).toEqual(['## When', '## Impact', '## Action items', '## Lessons learned']);
    expect(text).toMatch(/^\| 10:15 \| phone to the client \| Call with Ana and Ben/m);
  });

  it('drafts a report for a real example incident that passes the structure checks', async () => {
    const id = '2026-09-14-harbourlane-checkout-500';
    cpSync(join(PROJECT, 'incidents', id), join(root, 'incidents', id), { recursive: true });
    rmSync(join(root, 'incidents', id, 'report.md'));
    await commlog(['report', id, '--root', root], root);
    const text = readFileSync(join(root, `incidents/${id}/report.md`), 'utf8');
    const findings = reportFindings(id);
    expect(findings.filter((f) => f.rule !== 'report-empty')).toEqual([]);
    expect(emptyHeadings(findings, text)).toHaveLength(4);
    expect(text).toMatch(/All times BST \(Europe\/London\)\./);
    expect(text).toMatch(/^\| Mon 14 Sep 10:15 \| phone to the client \| Call with Gareth Pryce/m);
    // Contact details are not published unless the config says so.
    expect(text).not.toMatch(/@harbourlane\.example|\+44/);
  });

  it('drafts a report for every bundled example incident that passes the structure checks', async () => {
    const ids = readdirSync(join(PROJECT, 'incidents'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      cpSync(join(PROJECT, 'incidents', id), join(root, 'incidents', id), { recursive: true });
      rmSync(join(root, 'incidents', id, 'report.md'), { force: true });
      expect((await commlog(['report', id, '--root', root], root)).code, id).toBe(0);
      const findings = reportFindings(id);
      expect(findings.filter((f) => f.rule !== 'report-empty' && f.rule !== 'report-missing'), id).toEqual([]);
      expect(findings.filter((f) => f.rule === 'report-empty'), id).toHaveLength(4);
    }
  });

  it('never overwrites an existing report', async () => {
    const path = join(root, `incidents/${RESOLVED_INCIDENT}/report.md`);
    writeFileSync(path, '# Our own report\n');
    const result = await commlog(['report', RESOLVED_INCIDENT, '--root', root], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/report\.md already exists: commlog never overwrites a file/);
    expect(readFileSync(path, 'utf8')).toBe('# Our own report\n');
  });
});
