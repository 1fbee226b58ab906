import { describe, expect, it } from 'vitest';
import { parseCheckReport, type CheckReport } from '../core/checkReport/checkReport.ts';
import { logEntryTemplate, newLogEntryUrl } from './logEntryLink.ts';
import { MAX_COMMENT_CHARS, planStickyComment, STICKY_COMMENT_MARKER, type PullRequestContext } from './pullRequestComment.ts';

const context: PullRequestContext = {
  serverUrl: 'https://github.com',
  repository: 'acme/support-log',
  headRepository: 'contributor/support-log',
  headRef: 'log/acme-1400',
  headSha: '0123456789abcdef0123456789abcdef01234567',
  baseRef: 'main',
  runUrl: 'https://github.com/acme/support-log/actions/runs/42',
};

function report(partial: Partial<CheckReport> = {}): CheckReport {
  return {
    version: 1,
    now: '2026-11-02T13:30:00Z',
    summary: { incidents: 1, entries: 4, errors: 1, warnings: 1 },
    incidents: [{ id: '2026-11-02-acme-checkout-500', status: 'open', priority: 'urgent', errors: 1, warnings: 1 }],
    findings: [
      {
        rule: 'max-gap',
        severity: 'warning',
        incident: '2026-11-02-acme-checkout-500',
        file: 'incidents/2026-11-02-acme-checkout-500/log/2026-11-02T1005-email-out.md',
        line: 1,
        message: 'No update for 3h15m of business time after 10:05 (urgent allows 3h): next update was due by 13:05',
        due: '2026-11-02T13:05:00+00:00',
      },
      {
        rule: 'schema',
        severity: 'error',
        incident: '2026-11-02-acme-checkout-500',
        file: 'incidents/2026-11-02-acme-checkout-500/log/2026-11-02T1320-email-out.md',
        line: 3,
        message: 'direction: expected one of inbound, outbound, internal, not "out" | fix <the> value',
      },
    ],
    ...partial,
  };
}

describe('planStickyComment', () => {
  it('starts with the marker and a one-line verdict naming the judged commit', () => {
    const { body, verdict } = planStickyComment(report(), context);
    expect(body.startsWith(`${STICKY_COMMENT_MARKER}\n\n${verdict}\n`)).toBe(true);
    expect(verdict).toBe(
      '❌ **commlog: 1 error, 1 warning** in the 1 incident this pull request touches: errors must be fixed before merging ' +
        '(judged at [`0123456`](https://github.com/contributor/support-log/commit/0123456789abcdef0123456789abcdef01234567) merged into `main`).',
    );
    expect(verdict).not.toContain('\n');
  });

  it('collapses every finding in a details block, linking each to its line at the judged commit', () => {
    const { body } = planStickyComment(report(), context);
    expect(body).toMatch(/<details>\n<summary>2 findings in 1 incident<\/summary>/);
    expect(body).toContain('#### `2026-11-02-acme-checkout-500` (open, urgent): 1 error, 1 warning');
    expect(body).toContain(
      '| ⚠️ warning | `max-gap` | [log/2026-11-02T1005-email-out.md:1](https://github.com/contributor/support-log/blob/0123456789abcdef0123456789abcdef01234567/incidents/2026-11-02-acme-checkout-500/log/2026-11-02T1005-email-out.md#L1) | 2026-11-02 13:05 +00:00 |',
    );
    // Data text cannot break the table or inject HTML.
    expect(body).toContain('not "out" \\| fix &lt;the&gt; value |');
  });

  it("links each finding's rule to its documentation, when the report gives a plain https address", () => {
    const docs = 'https://github.com/commlog/commlog/blob/main/docs/rules.md#max-gap';
    const [gap, schema] = report().findings;
    const hostile = 'https://example.test/x) [click](https://evil.example';
    const { body } = planStickyComment(report({ findings: [{ ...gap, docs }, { ...schema, docs: hostile }] }), context);
    expect(body).toContain(`| ⚠️ warning | [\`max-gap\`](${docs}) |`);
    expect(body).toContain('| ❌ error | `schema` |');
    expect(body).not.toContain('evil.example');
  });

  it('links to the new-file page on the pull request branch with a log entry template', () => {
    const incidents: CheckReport['incidents'] = [{ id: '2026-11-02-acme-checkout-500', status: 'open', priority: 'urgent', errors: 1, warnings: 1, zone: 'Europe/London', pm_email: 'pm@acme.example' }];
    const { body } = planStickyComment(report({ incidents }), context);
    const link = /📝 \*\*Log a new entry\*\* on this branch: \[`2026-11-02-acme-checkout-500`\]\((\S+)\)/.exec(body);
    expect(link).not.toBeNull();
    const url = new URL(link![1]);
    expect(url.pathname).toBe('/contributor/support-log/new/log/acme-1400/incidents/2026-11-02-acme-checkout-500/log');
    expect(url.searchParams.get('filename')).toBe('2026-11-02T1330-email-out.md');
    const template = url.searchParams.get('value')!;
    expect(template).toContain('at: 2026-11-02T13:30  #');
    expect(template).toContain('cc: [pm@acme.example]');
  });

  it('says so plainly when there is nothing wrong, with no details block', () => {
    const clean = report({ summary: { incidents: 1, entries: 4, errors: 0, warnings: 0 }, findings: [], incidents: [{ id: 'x', status: 'open', priority: 'high', errors: 0, warnings: 0 }] });
    const { body, verdict } = planStickyComment(clean, context);
    expect(verdict).toMatch(/^✅ \*\*commlog: no findings\*\* in the 1 incident this pull request touches \(judged at/);
    expect(body).not.toContain('<details>');
  });

  it('says when the pull request touches no incident, and offers no link', () => {
    const none = report({ summary: { incidents: 0, entries: 0, errors: 0, warnings: 0 }, findings: [], incidents: [] });
    const { body, verdict } = planStickyComment(none, context);
    expect(verdict).toMatch(/^✅ \*\*commlog: this pull request touches no incident\*\*/);
    expect(body).not.toContain('Log a new entry');
  });

  it('offers no new-entry link for a closed incident', () => {
    const closed = report({ incidents: [{ id: '2026-11-02-acme-checkout-500', status: 'closed', priority: 'urgent', errors: 1, warnings: 1 }] });
    expect(planStickyComment(closed, context).body).not.toContain('Log a new entry');
  });

  it('stays within GitHub\'s comment size, saying how many findings were left to the job summary', () => {
    const base = report().findings[1];
    const findings = Array.from({ length: 2000 }, (_, i) => ({ ...base, line: i + 1, message: `problem number ${i} `.repeat(5) }));
    const big = report({ findings, summary: { incidents: 1, entries: 4, errors: 2000, warnings: 0 } });
    const { body } = planStickyComment(big, context);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    const shown = body.split('\n').filter((l) => l.startsWith('| ❌')).length;
    expect(shown).toBeGreaterThan(50);
    expect(body).toContain(`…and ${2000 - shown} more findings that do not fit in a comment: the [job summary](https://github.com/acme/support-log/actions/runs/42) lists them all.`);
  });
});

describe('the log entry link', () => {
  it('writes UTC with a Z when the incident zone is unknown', () => {
    const template = logEntryTemplate({ now: Date.parse('2026-11-02T13:30:00Z') });
    expect(template).toMatch(/^---\nat: 2026-11-02T13:30Z  #/);
    expect(template).toContain('\ndirection: outbound  #');
    expect(template).toContain('\nnext_update_by:  #');
  });

  it('encodes spaces as %20 so the template arrives as written', () => {
    const url = newLogEntryUrl({ serverUrl: 'https://github.com/', repository: 'acme/log', branch: 'main', incident: 'a-1', now: Date.parse('2026-11-02T13:30:00Z') });
    expect(url.startsWith('https://github.com/acme/log/new/main/incidents/a-1/log?filename=2026-11-02T1330-email-out.md&value=---%0Aat%3A%202026')).toBe(true);
    expect(url).not.toContain('+');
    // Safe inside a Markdown link: no bare parentheses.
    expect(url).not.toMatch(/[()]/);
  });
});

describe('parseCheckReport', () => {
  it('reads the JSON that commlog check prints', () => {
    expect(parseCheckReport(JSON.stringify(report())).findings).toHaveLength(2);
  });

  it('names what is wrong with a file that is not a report', () => {
    expect(() => parseCheckReport('{"version": 2}')).toThrow(/not a commlog check report: version/);
    expect(() => parseCheckReport('::error file=x::y')).toThrow(/not JSON .*commlog check --format json/);
  });
});
