import { describe, expect, it } from 'vitest';
import { obligationKey, planReminders, readReminderState, type Obligation, type RemindIncident, type RemindInput, type ReminderIssue } from './plan.ts';

const MIN = 60_000;
const now = Date.parse('2026-11-02T13:30:00Z');

const incident: RemindIncident = {
  id: '2026-11-02-acme-checkout-500',
  title: 'Checkout returns 500',
  client: 'Acme',
  status: 'open',
  priority: 'urgent',
  owner: 'alice',
  backup: 'bob',
  zone: 'Europe/London',
};

const maxGap: Obligation = { incident: incident.id, zone: incident.zone, rule: 'max-gap', due: Date.parse('2026-11-02T13:05:00Z'), overdue: true, message: 'next update was due by 13:05' };
const endOfDay: Obligation = { incident: incident.id, zone: incident.zone, rule: 'window', window: 'end-of-day', due: Date.parse('2026-11-02T16:30:00Z'), overdue: false, message: 'end-of-day update due by 16:30' };
const soon: Obligation = { ...endOfDay, rule: 'next-update-late', window: undefined, due: now + 20 * MIN, message: 'promised update due by 13:50' };

function input(partial: Partial<RemindInput> = {}): RemindInput {
  return {
    incidents: [incident],
    obligations: [maxGap, endOfDay],
    issues: [],
    now,
    settings: { logins: { alice: 'alice-gh' }, labels: ['commlog', 'reminder'], within: 30 * MIN, serverUrl: 'https://github.com', repository: 'acme/support-log', branch: 'main' },
    ...partial,
  };
}

/** The issue GitHub would hold after carrying out an `open`. */
function asIssue(number: number, action: { title: string; body: string; labels: string[]; assignees: string[] }, state: 'open' | 'closed' = 'open'): ReminderIssue {
  return { number, title: action.title, body: action.body, labels: action.labels, assignees: action.assignees, state };
}

describe('planReminders', () => {
  it('opens one issue for an incident with an overdue obligation, assigned to the owner, labelled', () => {
    const [action] = planReminders(input());
    expect(action.kind).toBe('open');
    if (action.kind !== 'open') return;
    expect(action.title).toBe('[commlog] 2026-11-02-acme-checkout-500: 1 overdue');
    expect(action.labels).toEqual(['commlog', 'reminder']);
    expect(action.assignees).toEqual(['alice-gh']);
    expect(action.body).toContain('| ⚠️ overdue | `max-gap` | 2026-11-02 13:05 GMT | next update was due by 13:05 |');
    // Beyond the 30-minute lead time: not listed.
    expect(action.body).not.toContain('end-of-day');
    expect(action.body).toContain('communication lead @alice-gh, backup `bob`');
    expect(action.body).toContain('No GitHub login is configured for `bob`: add it under `github.logins`');
    expect(readReminderState(action.body)).toEqual({ incident: incident.id, overdue: [obligationKey(maxGap)], assigned: ['alice-gh'] });
  });

  it('reminds of an obligation due within the lead time, and not of one due later', () => {
    expect(planReminders(input({ obligations: [endOfDay] }))).toEqual([]);
    const [action] = planReminders(input({ obligations: [soon, endOfDay] }));
    expect(action).toMatchObject({ kind: 'open', title: '[commlog] 2026-11-02-acme-checkout-500: 1 due soon' });
  });

  it('changes nothing on a second run over the same situation', () => {
    const [opened] = planReminders(input());
    if (opened.kind !== 'open') throw new Error('expected open');
    const again = planReminders(input({ issues: [asIssue(7, opened)], now: now + 5 * MIN }));
    expect(again).toEqual([{ kind: 'nothing', incident: incident.id, issue: 7 }]);
  });

  it('updates the issue, with a comment that notifies, when another obligation becomes overdue', () => {
    const [opened] = planReminders(input({ obligations: [maxGap, soon] }));
    if (opened.kind !== 'open') throw new Error('expected open');
    const later = now + 25 * MIN;
    const [update] = planReminders(input({ issues: [asIssue(7, opened)], now: later, obligations: [maxGap, { ...soon, overdue: true }] }));
    expect(update).toMatchObject({ kind: 'update', issue: 7, reopen: false, title: '[commlog] 2026-11-02-acme-checkout-500: 2 overdue', addLabels: [] });
    if (update.kind !== 'update') return;
    expect(update.comment).toBe(`Now overdue:\n\n- \`next-update-late\`, due 2026-11-02 13:50 GMT: promised update due by 13:50`);
    expect(update.assignees).toBeUndefined();
  });

  it('updates without a comment when an obligation is no longer owed but another still is', () => {
    const [opened] = planReminders(input({ obligations: [maxGap, soon] }));
    if (opened.kind !== 'open') throw new Error('expected open');
    const [update] = planReminders(input({ issues: [asIssue(7, opened)], obligations: [soon] }));
    expect(update).toMatchObject({ kind: 'update', title: '[commlog] 2026-11-02-acme-checkout-500: 1 due soon' });
    expect(update).not.toHaveProperty('comment');
  });

  it('closes the issue when nothing is owed any more, and then leaves it closed', () => {
    const [opened] = planReminders(input());
    if (opened.kind !== 'open') throw new Error('expected open');
    const [close] = planReminders(input({ issues: [asIssue(7, opened)], obligations: [endOfDay] }));
    expect(close).toMatchObject({ kind: 'close', issue: 7, reason: 'completed' });
    expect(close.kind === 'close' && close.comment).toMatch(/^Closing: nothing is overdue or due soon \(checked 2026-11-02 13:30 UTC\)/);
    expect(planReminders(input({ issues: [asIssue(7, opened, 'closed')], obligations: [endOfDay] }))).toEqual([{ kind: 'nothing', incident: incident.id }]);
  });

  it('closes the issue of an incident that was resolved, whatever its obligations', () => {
    const [opened] = planReminders(input());
    if (opened.kind !== 'open') throw new Error('expected open');
    const [close] = planReminders(input({ incidents: [{ ...incident, status: 'resolved' }], issues: [asIssue(7, opened)] }));
    expect(close).toMatchObject({ kind: 'close', issue: 7 });
    expect(close.kind === 'close' && close.comment).toContain('the incident is resolved');
  });

  it('leaves the issue of an incident whose incident.md is broken as it is', () => {
    const [opened] = planReminders(input());
    if (opened.kind !== 'open') throw new Error('expected open');
    expect(planReminders(input({ incidents: [], obligations: [], issues: [asIssue(7, opened)], unreadable: [incident.id] }))).toEqual([{ kind: 'nothing', incident: incident.id }]);
  });

  it('reopens the latest closed issue of the incident rather than opening another', () => {
    const [opened] = planReminders(input());
    if (opened.kind !== 'open') throw new Error('expected open');
    const [reopen] = planReminders(input({ issues: [asIssue(3, opened, 'closed'), asIssue(9, opened, 'closed')] }));
    expect(reopen).toMatchObject({ kind: 'update', issue: 9, reopen: true });
    expect(reopen.kind === 'update' && reopen.comment).toMatch(/^Reopened: something is owed again\./);
  });

  it('closes duplicate open issues of one incident, keeping the oldest', () => {
    const [opened] = planReminders(input());
    if (opened.kind !== 'open') throw new Error('expected open');
    const actions = planReminders(input({ issues: [asIssue(12, opened), asIssue(4, opened)] }));
    expect(actions).toEqual([
      { kind: 'close', incident: incident.id, issue: 12, reason: 'not_planned', comment: 'Duplicate of #4: commlog keeps one reminder issue per incident.' },
      { kind: 'nothing', incident: incident.id, issue: 4 },
    ]);
  });

  it('assigns a newly mapped backup, keeps people assigned by hand, and drops only whom it assigned', () => {
    const [opened] = planReminders(input());
    if (opened.kind !== 'open') throw new Error('expected open');
    const issue = { ...asIssue(7, opened), assignees: ['alice-gh', 'carol-by-hand'] };
    const settings = { ...input().settings, logins: { alice: 'alice-gh', bob: 'bob-gh' } };
    const [update] = planReminders(input({ issues: [issue], settings }));
    expect(update.kind === 'update' && update.assignees).toEqual(['alice-gh', 'carol-by-hand', 'bob-gh']);

    const handedOver = planReminders(input({ issues: [issue], incidents: [{ ...incident, owner: 'bob', backup: undefined }], settings }));
    expect(handedOver[0].kind === 'update' && handedOver[0].assignees).toEqual(['carol-by-hand', 'bob-gh']);
  });

  it('puts back a label removed by hand', () => {
    const [opened] = planReminders(input());
    if (opened.kind !== 'open') throw new Error('expected open');
    const [update] = planReminders(input({ issues: [{ ...asIssue(7, opened), labels: ['commlog'] }] }));
    expect(update).toMatchObject({ kind: 'update', addLabels: ['reminder'] });
  });

  it('keeps the state marker a single HTML comment even for an id with "--"', () => {
    const odd = { ...incident, id: 'acme--odd' };
    const [opened] = planReminders(input({ incidents: [odd], obligations: [{ ...maxGap, incident: odd.id }] }));
    if (opened.kind !== 'open') throw new Error('expected open');
    const marker = opened.body.split('\n')[0];
    expect(marker.slice(4, -3)).not.toContain('--');
    expect(readReminderState(opened.body)?.incident).toBe('acme--odd');
  });
});
