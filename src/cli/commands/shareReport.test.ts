import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFindings, commlog, copyFixture, OPEN_INCIDENT, RESOLVED_INCIDENT } from './writingTestKit.ts';

let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => dispose());

const NOW = '2026-10-28T10:00';
const share = (...args: string[]) => commlog(['share-report', RESOLVED_INCIDENT, '--root', root, '--now', NOW, ...args], root);

async function withReport() {
  expect((await commlog(['report', RESOLVED_INCIDENT, '--root', root, '--now', NOW], root)).code).toBe(0);
  return readFileSync(join(root, 'incidents', RESOLVED_INCIDENT, 'report.md'), 'utf8');
}

describe('commlog share-report', () => {
  it('drafts the e-mail with report.md to the client, the PM copied, and prints the report-sent entry', async () => {
    const report = await withReport();
    const result = await share();
    expect(result.code).toBe(0);
    const md = result.stdout;
    expect(md).toMatch(/^# Incident report: Product search takes 20 seconds\n/);
    expect(md).toMatch(/\*\*To:\*\* .*@acme\.example/);
    expect(md).toContain('**Cc:** Priya Natarajan <priya.natarajan@fieldstone.example>');
    expect(md).toContain('(resolved Tue 27 Oct 11:30 GMT)');
    // The report itself, as written (after its frontmatter, if any).
    expect(md).toContain(report.replace(/^---\n[\s\S]*?\n---\n/, '').trim());
    expect(md).toMatch(/Kind regards, {2}\ndana\.okafor\n$/);
    const entry = result.stderr;
    expect(entry).toMatch(new RegExp(`^Once sent, record it as incidents/${RESOLVED_INCIDENT}/log/2026-10-28T1000-email-out\\.md:\\n\\n---\\n`));
    expect(entry).toContain('direction: outbound\n');
    expect(entry).toContain('kind: report-sent\n');
    expect(entry).toContain('author: dana.okafor\n');
    expect(entry).toContain('priya.natarajan@fieldstone.example');
  });

  it('writes an .eml draft to --out and prints the path and the entry, which check accepts', async () => {
    await withReport();
    const result = await share('--format', 'eml', '--out', 'report.eml', '--from', 'Dana Okafor <dana.okafor@fieldstone.example>', '--author', 'priya.natarajan');
    expect(result.code).toBe(0);
    const raw = readFileSync(join(root, 'report.eml'), 'utf8');
    expect(raw).toMatch(/^X-Unsent: 1\r?$/m);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Incident report: Product search takes 20 seconds');
    const cc = Array.isArray(mail.cc) ? mail.cc : [mail.cc!];
    expect(cc.flatMap((a) => a.value.map((v) => v.address))).toEqual(['priya.natarajan@fieldstone.example']);
    expect(mail.text).toContain('Here is our incident response report on "Product search takes 20 seconds"');
    expect(result.stdout).toMatch(/^report\.eml\n\nOnce sent, record it as incidents\/.+\.md:\n\n---\n/);

    // The printed entry, saved as it says, is a valid report-sent entry.
    const [, path, text] = /record it as (\S+):\n\n([\s\S]*)$/.exec(result.stdout)!;
    writeFileSync(join(root, path), text);
    const findings = await checkFindings(root, '2026-10-28T10:05');
    expect(findings.filter((f) => f.file === path)).toEqual([]);
  });

  it("greets and records the people written to, not a status page's or social feed's audience", async () => {
    await withReport();
    writeFileSync(
      join(root, 'incidents', RESOLVED_INCIDENT, 'log', '2026-10-27T1135-status-page-out.md'),
      '---\nat: 2026-10-27T11:35\ndirection: outbound\nchannel: status-page\ncontact: { name: Acme status page subscribers, org: Acme }\nauthor: dana.okafor\nsummary: Resolved, product search is fast again\n---\n',
    );
    expect((await checkFindings(root, NOW)).filter((f) => f.file.endsWith('status-page-out.md'))).toEqual([]);
    const result = await share();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\nHello Ben,\n');
    expect(result.stderr).toContain('kind: report-sent\nsummary: Sent the incident response report (report.md) to Ben Okoro.\n');
    expect(result.stderr).not.toContain('subscribers');
  });

  it('refuses an incident without report.md, and says when the incident is still open', async () => {
    const missing = await share();
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/has no report\.md: write it first \(commlog report /);
    expect((await commlog(['report', OPEN_INCIDENT, '--root', root, '--now', NOW], root)).code).toBe(0);
    const open = await commlog(['share-report', OPEN_INCIDENT, '--root', root, '--now', '2026-11-02T12:00'], root);
    expect(open.code).toBe(0);
    expect(open.stderr).toMatch(/is still open/);
  });
});
