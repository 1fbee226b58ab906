import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../findings.ts';
import { checkRepository, type RepositoryCheck } from '../../node/checkRepository.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures/bad-inputs');
// Before every deadline of the fixtures: only schema findings are expected.
const NOW = Date.parse('2026-11-02T09:30:00Z');

let root: string;
let result: RepositoryCheck;
const findingsOf = (id: string): Finding[] => result.findings.filter((f) => f.incident === id);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'commlog-bad-inputs-'));
  cpSync(FIXTURE, root, { recursive: true });
  // Inputs git should not hold as files: bytes that are not UTF-8, and a file of 3 MiB.
  cpSync(join(root, 'incidents/valid-neighbour'), join(root, 'incidents/not-utf8'), { recursive: true });
  writeFileSync(join(root, 'incidents/not-utf8/log/2026-11-02T0911-email-in.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x61, 0x74, 0x3a, 0x0a]));
  cpSync(join(root, 'incidents/valid-neighbour'), join(root, 'incidents/very-large-file'), { recursive: true });
  writeFileSync(join(root, 'incidents/very-large-file/log/2026-11-02T0912-email-in.md'), `---\nat: 2026-11-02T09:12\n---\n${'x'.repeat(3 * 1024 * 1024)}`);
  result = await checkRepository({ root, now: NOW, workers: 1 });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bad input: each gives a clear schema finding, and the rest is still checked', () => {
  const cases: [id: string, file: string, line: number | undefined, message: RegExp][] = [
    ['malformed-yaml', 'log/2026-11-02T0910-email-out.md', 5, /not valid YAML/],
    ['no-frontmatter', 'log/2026-11-02T0910-email-out.md', 1, /No frontmatter/],
    ['missing-field', 'incident.md', 1, /Missing field "client"/],
    ['mistyped-field', 'log/2026-11-02T0910-email-out.md', 10, /Field "commitments" is invalid/],
    ['bad-enum', 'incident.md', 6, /Field "priority" is invalid: expected one of urgent, high, medium, low, not "hgh"/],
    ['invalid-time-zone', 'incident.md', 9, /"Europe\/Londn" is not an IANA time zone/],
    ['date-only-timestamp', 'log/2026-11-02T0910-email-out.md', 2, /a date alone is not a timestamp/],
    ['js-frontmatter', 'log/2026-11-02T0910-email-out.md', 1, /YAML frontmatter only/],
    ['Not_A_Valid_Id', '', undefined, /not a valid incident id/],
    ['stray-markdown', 'reprot.md', undefined, /top level: did you mean report\.md\? Rename it/],
    ['unknown-done-id', 'log/2026-11-02T0910-email-out.md', 10, /"done" names "send-logs", but no commitment/],
    ['duplicate-commitment-id', 'log/2026-11-02T1010-email-out.md', 11, /Commitment id "send-logs" is already used in 2026-11-02T0910-email-out\.md/],
    ['next-update-before-at', 'log/2026-11-02T0910-email-out.md', 9, /"next_update_by" \(2026-11-02 08:10 GMT\) is before "at"/],
    ['resolved-before-opened', 'incident.md', 8, /"resolved_at" \(2026-11-01 17:00 GMT\) is before "opened_at"/],
    ['resolved-at-on-open', 'incident.md', 8, /"resolved_at" is set on an open incident/],
    ['resolved-without-resolved-at', 'incident.md', 7, /Missing field "resolved_at"/],
    ['awaiting-on-inbound', 'log/2026-11-02T0905-email-in.md', 8, /Field "awaiting" is set on an inbound entry: only an outbound entry/],
    ['yaml-alias-bomb', 'log/2026-11-02T0910-email-out.md', undefined, /alias/i],
    ['not-utf8', 'log/2026-11-02T0911-email-in.md', undefined, /not UTF-8/],
    ['very-large-file', 'log/2026-11-02T0912-email-in.md', undefined, /over the 2 MiB limit/],
  ];
  it.each(cases)('%s', (id, file, line, message) => {
    const errors = findingsOf(id).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.message)).toContainEqual(expect.stringMatching(message));
    const finding = errors.find((f) => message.test(f.message))!;
    expect(finding).toMatchObject({ rule: 'schema', file: `incidents/${id}${file ? `/${file}` : ''}` });
    if (line !== undefined) expect(finding.line).toBe(line);
  });

  it('reports every problem of a file at once, a missing person as missing', () => {
    const errors = findingsOf('many-problems').map((f) => [f.file.slice(f.file.lastIndexOf('/') + 1), f.line, f.message]);
    expect(errors).toEqual([
      ['incident.md', 1, 'Missing field "client": add the client organisation'],
      ['incident.md', 1, 'Missing field "pm": add the project manager, with an email: { name: …, email: … }'],
      ['incident.md', 1, 'Missing field "reporter": add the person who reported it, e.g. { name: Ana Silva, org: Acme }'],
      ['incident.md', 6, 'Field "resolved_at" (2026-11-01 17:00 GMT) is before "opened_at" (2026-11-02 09:00 GMT): an incident cannot be resolved before it was opened'],
      ['2026-11-02T0910-email-in.md', 1, 'Missing field "author": add the staff member who logged it'],
      ['2026-11-02T0910-email-in.md', 3, 'Missing field "contact": an inbound entry names who we dealt with, e.g. contact: { name: Ana Silva, email: ana@client.example }'],
      ['2026-11-02T0920-email-out.md', 4, 'Field "channel" is invalid: expected one of email, phone, sms, chat, meeting, screenshare, ticket, status-page, social, other, not "emial"'],
      ['2026-11-02T0920-email-out.md', 8, 'Field "next_update_by" (2026-11-02 08:00 GMT) is before "at" (2026-11-02 09:20 GMT): the next update must be promised for later'],
    ]);
  });

  it('warns about an unknown field, suggesting the known one', () => {
    const warnings = findingsOf('unknown-field').filter((f) => f.rule === 'schema');
    expect(warnings.map((f) => [f.severity, f.file.slice(f.file.lastIndexOf('/') + 1), f.line, f.message])).toEqual([
      ['warning', '2026-11-02T0910-email-out.md', 9, 'Unknown field "next_udpate_by": did you mean "next_update_by"?'],
      ['warning', '2026-11-02T0920-phone-in.md', 5, 'Unknown field "contact.emial": did you mean "email"?'],
      ['warning', '2026-11-02T0920-phone-in.md', 8, 'Unknown field "feedback.coment": did you mean "comment"?'],
    ]);
  });

  it('still checks a report whose frontmatter is broken, and does not call it missing', () => {
    const found = findingsOf('report-bad-frontmatter');
    expect(found).toContainEqual(expect.objectContaining({ rule: 'schema', file: 'incidents/report-bad-frontmatter/report.md', line: 2 }));
    expect(found.filter((f) => f.rule.startsWith('report-'))).toEqual([]);
  });

  it("warns about a misspelt key in report.md's frontmatter, like the other files", () => {
    const found = findingsOf('report-misspelt-key').filter((f) => f.rule === 'schema');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'incidents/report-misspelt-key/report.md', line: 3, message: 'Unknown field "root_cause_categry": did you mean "root_cause_category"?' }),
    ]);
  });

  it('gives the same result on worker threads', async () => {
    const threaded = await checkRepository({ root, now: NOW, workers: 2 });
    expect(threaded).toEqual(result);
  });

  it('never runs non-YAML frontmatter', () => {
    expect(existsSync('/tmp/commlog-pwned')).toBe(false);
  });

  it('checks the valid neighbour and the good files of bad incidents', () => {
    expect(findingsOf('valid-neighbour')).toEqual([]);
    expect(findingsOf('not-utf8').filter((f) => f.file.endsWith('0910-email-out.md'))).toEqual([]);
    const summary = result.summaries.find((s) => s.id === 'not-utf8');
    expect(summary).toMatchObject({ status: 'open', priority: 'urgent', entries: 2, errors: 1 });
  });
});
