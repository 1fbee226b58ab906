// The promise ledger and the page's summary, over incidents built as the loader builds them and
// judged by the core's schedule at a given Now.
import { describe, expect, it } from 'vitest';
import { cadenceContext } from '../core/cadence/context.ts';
import { parseConfig } from '../core/config/config.ts';
import { buildIncident, local } from '../core/testing/incidentBuilder.ts';
import { defaultConfig, runCompliance } from '../core/testing/runRules.ts';
import { buildView } from './incidentView.ts';
import { oneLine, readerSummary } from './incidentSummary.ts';
import { dateRange, entryAnchor, promiseLedger } from './promiseLedger.ts';

const lines = (ledger: ReturnType<typeof promiseLedger>, id: string) =>
  ledger.sections.find((s) => s.id === id)?.lines.map((l) => `${l.promise}: ${l.outcome.text}`) ?? [];

describe('promiseLedger', () => {
  it('words each promise as kept, late by how much, not yet due, or missed — not sent', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' })
      .out('09:10', { next: '10:10', name: 'a.md' })
      .out('10:05', { next: '11:05', name: 'b.md' })
      .out('13:15', { next: '14:20', name: 'c.md' })
      .out('14:00', { next: '15:00', name: 'd.md' })
      .build();
    const ledger = promiseLedger(cadenceContext(incident, { config: defaultConfig, now: local('2026-11-02 15:30') }));
    expect(lines(ledger, 'first-reply')).toEqual(['A first reply by Mon 2 Nov 09:30 GMT: kept']);
    expect(lines(ledger, 'next-update')).toEqual([
      'Next update by Mon 2 Nov 10:10 GMT: kept',
      'Next update by Mon 2 Nov 11:05 GMT: 2h10m late',
      'Next update by Mon 2 Nov 14:20 GMT: kept',
      'Next update by Mon 2 Nov 15:00 GMT: missed — not sent',
    ]);
    // The promise links to the entry that made it.
    expect(ledger.sections.find((s) => s.id === 'next-update')!.lines[1].entry).toBe('entry-b');
    // Nothing for the team: no rule id, no instruction.
    expect(JSON.stringify(ledger)).not.toMatch(/next-update-late|max-gap|send one|log an entry/);
  });

  it('merges a run of missed windows into one line with its dates', () => {
    const incident = buildIncident({ opened: '2026-11-23 09:00', priority: 'medium' }).out('09:10').out('2026-11-23 15:00').out('2026-12-04 15:00').build();
    const ledger = promiseLedger(cadenceContext(incident, { config: defaultConfig, now: local('2026-12-04 18:00') }));
    expect(lines(ledger, 'regular-updates')).toEqual([
      'End-of-day update, 23 Nov: kept',
      '8 end-of-day updates, 24 Nov–3 Dec: missed — none sent',
      'End-of-day update, 4 Dec: kept',
      'End-of-day update by Mon 7 Dec 16:30 GMT: not yet due',
    ]);
  });

  it('shows commitments kept, late and still to come, the client\'s marked as theirs', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'low' })
      .out('09:10', { commitments: [{ id: 'logs', action: 'Send the logs', due: '12:00' }, { id: 'test', action: 'Test the fix', owner: 'client', due: '2026-11-09 12:00' }] })
      .out('13:00', { done: ['logs'] })
      .build();
    const ledger = promiseLedger(cadenceContext(incident, { config: defaultConfig, now: local('2026-11-03 10:00') }));
    expect(lines(ledger, 'commitments')).toEqual(['Send the logs, by Mon 2 Nov 12:00 GMT: 1h late', 'Client: Test the fix, by Mon 9 Nov 12:00 GMT: not yet due']);
  });

  it('leaves out what the config turns off', () => {
    const config = parseConfig('rules: { window: off }\n');
    const incident = buildIncident({ opened: '2026-11-23 09:00', priority: 'medium' }).out('09:10').build();
    expect(lines(promiseLedger(cadenceContext(incident, { config, now: local('2026-11-25 18:00') })), 'regular-updates')).toEqual([]);
  });

  it('writes date ranges short, with years only across a new year', () => {
    expect(dateRange('Europe/London', local('2026-11-23 16:30'), local('2026-12-03 16:30'))).toBe('23 Nov–3 Dec');
    expect(dateRange('Europe/London', local('2026-12-30 16:30'), local('2027-01-04 16:30'))).toBe('30 Dec 2026–4 Jan 2027');
  });
});

describe('readerSummary', () => {
  it('says how long an open incident has been open, its last update and whether the next one is on time', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:10', { next: '10:10', name: 'first.md' }).build();
    const onTime = readerSummary(cadenceContext(incident, { config: defaultConfig, now: local('2026-11-02 10:00') }), undefined);
    expect(onTime).toMatchObject({
      status: 'open',
      age: 'open for 1h',
      lastUpdate: { at: 'Mon 2 Nov 09:10 GMT', ago: '50m ago', entry: 'entry-first' },
      nextUpdate: { at: 'Mon 2 Nov 10:10 GMT', promised: true, outcome: { state: 'not-yet-due', text: 'on time: due in 10m' } },
      commitmentsDue: [],
    });
    const late = readerSummary(cadenceContext(incident, { config: defaultConfig, now: local('2026-11-02 11:00') }), undefined);
    expect(late.nextUpdate?.outcome).toEqual({ state: 'missed', text: '50m overdue' });
  });

  it('gives a resolved incident its impact and root cause in one line each', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'high', resolved: '2026-11-03 09:38' }).out('09:10').out('2026-11-03 09:40', { kind: 'resolution' }).build();
    const digest = { impact: '212 card payments rejected; none charged. About 150 baskets abandoned.', rootCause: 'A staging configuration file shipped.', actions: [] };
    const summary = readerSummary(cadenceContext(incident, { config: defaultConfig, now: local('2026-11-05 09:00') }), digest);
    expect(summary).toMatchObject({ age: 'resolved after 24h38m', impact: '212 card payments rejected; none charged.', rootCause: 'A staging configuration file shipped.' });
    expect(summary.nextUpdate).toBeUndefined();
    expect(summary.lastUpdate?.ago).toBeUndefined();
  });

  it('says a resolved incident\'s undone commitment was not done, the same at every later Now', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'high', resolved: '2026-11-03 09:38' })
      .out('09:10', { commitments: [{ id: 'confirm', action: 'Confirm the workaround', due: '2026-11-04 12:00' }] })
      .out('2026-11-03 09:40', { kind: 'resolution' })
      .build();
    const at = (now: string) => readerSummary(cadenceContext(incident, { config: defaultConfig, now: local(now) }), undefined).commitmentsDue;
    expect(at('2026-11-04 10:00')[0].outcome).toEqual({ state: 'not-yet-due', text: 'on time: due in 2h' });
    expect(at('2026-11-05 09:00')).toEqual(at('2029-01-01 09:00'));
    expect(at('2026-11-05 09:00')[0].outcome).toEqual({ state: 'missed', text: 'not done' });
  });

  it('cuts a long first sentence at a word', () => {
    expect(oneLine(`${'word '.repeat(60)}end.`, 30)).toBe('word word word word word word…');
  });
});

describe('the incident page for each audience', () => {
  const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:10', { next: '10:10' }).out('13:00').build();
  const now = local('2026-11-02 15:00');
  const findings = runCompliance(incident, now).map((f) => ({ ...f, severity: 'error' as const, incident: incident.id, zone: incident.zone, docs: '' }));

  it('gives the team the checker\'s messages and rule ids', () => {
    const view = buildView(incident, findings, defaultConfig, now, 'internal');
    const missed = view.timeline.filter((t) => t.kind === 'finding');
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.every((t) => t.kind === 'finding' && t.internal?.rule)).toBe(true);
  });

  it('gives a public site no rule id and no instruction, only the wording for the client', () => {
    const view = buildView(incident, findings, defaultConfig, now, 'public');
    const text = JSON.stringify(view);
    for (const f of findings) {
      expect(text).not.toContain(`"${f.rule}"`);
      expect(text).not.toContain(f.message);
    }
    expect(view.timeline.some((t) => t.kind === 'finding' && /— missed$/.test(t.label))).toBe(true);
    expect(view.ledger.sections.find((s) => s.id === 'next-update')?.lines[0].outcome.text).toBe('2h50m late');
  });
});

describe('entryAnchor', () => {
  it('names an entry by its file, with no white space in the id', () => {
    expect(entryAnchor('2026-09-14T0858-email-out.md')).toBe('entry-2026-09-14T0858-email-out');
    // The published name of `2026-11-02T0910-call-07700900123.md`.
    expect(entryAnchor('2026-11-02T0910-call-[phone withheld].md')).toBe('entry-2026-11-02T0910-call-[phone-withheld]');
  });
});
