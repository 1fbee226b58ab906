// Every Markdown document commlog writes from log data (the pull request comment, reminder
// issues and their comments, the job summary, the weekly update, the report draft) shows that
// data as text: planting hostile text in titles, clients, owners, summaries and messages adds
// no link, image, HTML, emphasis, mention or issue reference to what the document has anyway.
import { describe, expect, it } from 'vitest';
import { formatStepSummary } from '../../cli/format/github.ts';
import { planStickyComment } from '../../github/pullRequestComment.ts';
import { planReminders, type Obligation, type RemindIncident, type ReminderIssue } from '../../github/remind/plan.ts';
import type { RepositoryCheck } from '../../node/checkRepository.ts';
import type { CheckReport } from '../checkReport/checkReport.ts';
import { draftReport } from '../compose/report.ts';
import { isoWeekOf } from '../compose/isoWeek.ts';
import { weeklyIncidents, weeklyMarkdown } from '../compose/weekly.ts';
import { parseConfig } from '../config/config.ts';
import type { Finding } from '../findings.ts';
import type { Incident } from '../model.ts';
import { buildIncident } from '../testing/incidentBuilder.ts';
import { HOSTILE_TEXT, liveParts } from '../testing/liveMarkdown.ts';

const BENIGN = 'plain words';
const config = parseConfig(undefined);
const now = Date.parse('2026-11-02T13:30:00Z');
const id = '2026-11-02-acme-checkout-500';

/** The document made from benign data and from hostile data have the same live parts. */
function expectInert(make: (text: string) => string): void {
  const hostile = make(HOSTILE_TEXT);
  expect(hostile).toContain('tracker.example'); // the hostile text did reach the document
  expect(liveParts(hostile)).toEqual(liveParts(make(BENIGN)));
}

describe('Markdown outputs with hostile data', () => {
  it('the pull request comment', () => {
    expectInert((text) => {
      const report: CheckReport = {
        version: 1,
        now: '2026-11-02T13:30:00Z',
        summary: { incidents: 1, entries: 1, errors: 0, warnings: 1 },
        incidents: [{ id, status: 'open', priority: 'urgent', errors: 0, warnings: 1 }],
        findings: [{ rule: 'commitment-overdue', severity: 'warning', incident: id, file: `incidents/${id}/log/a.md`, line: 2, message: text, commitment: text, window: text, due: '2026-11-02T13:05:00+00:00' }],
      };
      return planStickyComment(report, { serverUrl: 'https://github.com', repository: 'acme/log', headRepository: 'acme/log', headRef: 'main', headSha: '0'.repeat(40), baseRef: 'main' }).body;
    });
  });

  it('reminder issues and the comments that notify', () => {
    const settings = { logins: { alice: 'alice-gh' }, labels: ['commlog'], within: 30 * 60_000, serverUrl: 'https://github.com', repository: 'acme/log', branch: 'main' };
    const incidentWith = (text: string): RemindIncident => ({ id, title: text, client: text, status: 'open', priority: 'urgent', owner: 'alice', backup: text, zone: 'UTC' });
    const owed = (text: string): Obligation => ({ incident: id, zone: 'UTC', rule: 'window', window: text, commitment: text, due: now - 60_000, overdue: true, message: text });
    expectInert((text) => {
      const [open] = planReminders({ incidents: [incidentWith(text)], obligations: [owed(text)], issues: [], now, settings });
      return open.kind === 'open' ? open.body : '';
    });
    expectInert((text) => {
      const [open] = planReminders({ incidents: [incidentWith(text)], obligations: [owed(text)], issues: [], now, settings });
      if (open.kind !== 'open') return '';
      const closed: ReminderIssue = { number: 7, title: open.title, body: open.body, labels: open.labels, assignees: open.assignees, state: 'closed' };
      const [update] = planReminders({ incidents: [incidentWith(text)], obligations: [owed(text)], issues: [closed], now, settings });
      return update.kind === 'update' ? (update.comment ?? '') : '';
    });
    // The configured login is the one mention, on purpose.
    const [open] = planReminders({ incidents: [incidentWith(HOSTILE_TEXT)], obligations: [owed(HOSTILE_TEXT)], issues: [], now, settings });
    expect(open.kind === 'open' && liveParts(open.body).mentions).toEqual(['@alice-gh']);
  });

  it('the job summary', () => {
    expectInert((text) => {
      const finding: Finding = { rule: 'schema', severity: 'error', incident: id, zone: 'UTC', file: `incidents/${id}/log/${text}.md`, line: 1, message: text, docs: 'docs/rules.md#schema' };
      const result: RepositoryCheck = { now, config, summaries: [], findings: [finding], totals: { incidents: 1, entries: 1, errors: 1, warnings: 0 }, notes: [] };
      return formatStepSummary(result);
    });
  });

  function incidentWith(text: string): Incident {
    const built = buildIncident({ id, opened: '2026-11-02 09:00', priority: 'urgent', zone: 'UTC' }).in('09:00').out('09:20', { commitments: [{ id: 'fix', action: text }] }).build();
    return { ...built, title: text, client: text, entries: built.entries.map((e) => ({ ...e, summary: text })) };
  }

  it('the weekly update', () => {
    const week = isoWeekOf(now, 'UTC');
    expectInert((text) => weeklyMarkdown(weeklyIncidents([incidentWith(text)], config, week, now), week, 'UTC', now));
  });

  it('the report draft', () => {
    expectInert((text) => draftReport(incidentWith(text), config));
  });
});
