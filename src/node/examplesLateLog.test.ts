// The bundled examples' one deliberately late entry (incidents/README.md): in a repository
// committed as the log was kept — each entry ten minutes after its contact, except the phone
// call of Thursday 11 June written up on Monday 15 June — late-log finds that entry alone, and
// `check` shows every one of its warning rules once, as far as a pull request's annotations and
// comment. In this repository, where the examples were imported in one commit, the config
// turns late-log off.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAsLogged } from '../../test/support/commitAsLogged.ts';
import { formatAnnotations } from '../cli/format/github.ts';
import { checkReportOf } from '../core/checkReport/checkReport.ts';
import { planStickyComment } from '../github/pullRequestComment.ts';
import { checkRepository } from './checkRepository.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const NOW = Date.parse('2026-11-20T18:00:00Z');
const LATE = 'incidents/2026-06-08-kestrel-repairs-booking-slow/log/2026-06-11T1610-phone-in.md';
const LATE_COMMIT = Date.parse('2026-06-15T09:30:00+01:00');

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'commlog-examples-history-'));
  cpSync(join(PROJECT, 'incidents'), join(root, 'incidents'), { recursive: true });
  const config = readFileSync(join(PROJECT, 'commlog.config.yaml'), 'utf8');
  const withLateLog = config.replace(/^rules:\n {2}late-log: off\n/m, '');
  expect(withLateLog).not.toBe(config);
  writeFileSync(join(root, 'commlog.config.yaml'), withLateLog);
  commitAsLogged(root, NOW, new Map([[LATE, LATE_COMMIT]]));
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the bundled examples in a repository committed as the log was kept', () => {
  it('have one late-logged entry: the phone call of Thursday 11 June, committed on Monday 15 June', async () => {
    const result = await checkRepository({ root, now: NOW });
    const late = result.findings.filter((f) => f.rule === 'late-log');
    expect(late.map((f) => [f.file, f.line, f.due])).toEqual([[LATE, 2, Date.parse('2026-06-12T16:10:00+01:00')]]);
    expect(late[0].message).toMatch(/^Entry committed 3d\d+h after the contact at Thu 11 Jun 16:10/);
    // Each warning rule of the examples once (incidents/README.md), no error.
    expect(result.findings.map((f) => f.rule).sort()).toEqual(['ack', 'cc-pm', 'late-log', 'next-update-late', 'priority-triage', 'report-shared', 'window']);
    expect(result.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it("reach a pull request's annotations and its comment, each quality rule's finding linked to its documentation", async () => {
    const result = await checkRepository({ root, now: NOW });
    const annotations = formatAnnotations(result.findings);
    const comment = planStickyComment(checkReportOf(result), { serverUrl: 'https://github.com', repository: 'fieldstone/log', headRepository: 'fieldstone/log', headRef: 'pr', headSha: 'a'.repeat(40) }).body;
    for (const rule of ['late-log', 'priority-triage', 'report-shared']) {
      const finding = result.findings.find((f) => f.rule === rule)!;
      expect(annotations).toContain(`::warning file=${finding.file},line=${finding.line},title=${rule}::`);
      expect(comment).toContain(`[\`${rule}\`](https://github.com/commlog/commlog/blob/main/docs/rules.md#${rule})`);
    }
  });

  it('show no late-log finding in this repository, whose config turns the rule off', async () => {
    const result = await checkRepository({ root: PROJECT, now: NOW });
    expect(result.config.rules['late-log']).toBe('off');
    expect(result.findings.filter((f) => f.rule === 'late-log')).toEqual([]);
    expect(result.notes).toEqual([]);
  });
});
