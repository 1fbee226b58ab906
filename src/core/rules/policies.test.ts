// The rules under the incident's policy (policies.md): breaks, per-day hours, clients, changes
// over time and pausing while awaiting the client, with exact due instants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awaitingIntervals } from '../cadence/context.ts';
import { parseConfig } from '../config/config.ts';
import type { RuleFinding } from '../findings.ts';
import type { Incident, LogEntry } from '../model.ts';
import { dueObligations } from '../obligations/due.ts';
import { scenarioArbitrary } from '../testing/arbitraryIncident.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { runCompliance } from '../testing/runRules.ts';

const NY = 'America/New_York';
const dues = (findings: RuleFinding[], rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.due);

describe('business hours with breaks and per-day hours in the rules', () => {
  const config = parseConfig('business_hours:\n  breaks: [{ from: "12:30", to: "13:30" }]\n  by_day: { fri: { end: "16:00" } }\n');

  it('moves a max-gap deadline that falls at the start of the lunch break to its end', () => {
    // Urgent, max_gap 3h: 09:30 + 3h reaches 12:30, the break's start: due 13:30.
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:30', { next: '13:30' }).out('13:40', { next: '15:00' }).build();
    expect(dues(runCompliance(incident, local('2026-11-02 14:00'), config), 'max-gap')).toEqual([local('2026-11-02 13:30')]);
    // Without the break 13:40 is 4h10m after 09:30, still late, due at 12:30.
    expect(dues(runCompliance(incident, local('2026-11-02 14:00')), 'max-gap')).toEqual([local('2026-11-02 12:30')]);
  });

  it('puts the weekly deadline at the close of a short Friday', () => {
    const incident = buildIncident({ opened: '2026-11-02 10:00', priority: 'low' }).out('10:10', { next: '2026-11-13 12:00' }).build();
    expect(dues(runCompliance(incident, local('2026-11-09 09:00'), config), 'weekly')).toEqual([]);
    const quiet = buildIncident({ opened: '2026-11-02 10:00', priority: 'low' }).out('10:10', { next: '2026-11-13 12:00' }).build();
    // The week of 9 Nov has no update: due at Friday 13 Nov 16:00, not 17:30.
    expect(dues(runCompliance(quiet, local('2026-11-14 09:00'), config), 'weekly')).toEqual([local('2026-11-13 16:00')]);
  });
});

describe('per-client policies and changes over time', () => {
  const config = parseConfig(`
timezone: Europe/London
holidays: [2026-12-25, 2026-12-28]
clients:
  Meridian Freight:
    timezone: America/New_York
    holidays: [2026-11-26, 2026-12-25]
policy_changes:
  - since: 2026-11-16
    note: Support contract v2
    priorities: { urgent: { max_gap: 1h } }
`);

  it("uses the client's holidays in place of the general list", () => {
    // Medium: the end-of-day window. Thanksgiving (26 Nov) is a holiday for Meridian only.
    const meridian = buildIncident({ opened: '2026-11-25 10:00', priority: 'medium', zone: NY, client: 'meridian freight' }).out('10:10', { next: '2026-11-27 15:00' }).build();
    const other = buildIncident({ opened: '2026-11-25 10:00', priority: 'medium', zone: NY, client: 'Kestrel' }).out('10:10', { next: '2026-11-27 15:00' }).build();
    const now = local('2026-11-26 20:00', NY);
    expect(dues(runCompliance(meridian, now, config), 'window')).toEqual([local('2026-11-25 16:30', NY)]);
    expect(dues(runCompliance(other, now, config), 'window')).toEqual([local('2026-11-25 16:30', NY), local('2026-11-26 16:30', NY)]);
    // Boxing Day (substitute, 28 Dec) is a holiday in the general list only.
    const december = buildIncident({ opened: '2026-12-24 10:00', priority: 'medium', zone: NY, client: 'Meridian Freight' }).out('10:10', { next: '2026-12-29 15:00' }).build();
    expect(dues(runCompliance(december, local('2026-12-28 20:00', NY), config), 'window')).toEqual([local('2026-12-24 16:30', NY), local('2026-12-28 16:30', NY)]);
  });

  it('judges an incident opened one minute before a change by the old policy, and one opened at it by the new', () => {
    const build = (opened: string) =>
      buildIncident({ opened, priority: 'urgent' })
        .out('2026-11-16 09:05', { next: '2026-11-16 11:30' })
        .out('2026-11-16 11:30', { next: '2026-11-16 13:00' })
        .build();
    const now = local('2026-11-16 12:00');
    // Before the change: max_gap 3h, 09:05 -> 11:30 is in time.
    expect(dues(runCompliance(build('2026-11-15 23:59'), now, config), 'max-gap')).toEqual([]);
    // At the change: max_gap 1h, due 10:05, however long the incident stays open.
    expect(dues(runCompliance(build('2026-11-16 00:00'), now, config), 'max-gap')).toEqual([local('2026-11-16 10:05')]);
  });

  it('keeps an incident on the policy of its opening when a change comes later', () => {
    const incident = buildIncident({ opened: '2026-11-13 16:00', priority: 'urgent' }).out('16:05', { next: '2026-11-16 09:00' }).out('2026-11-16 10:30', { next: '2026-11-16 12:00' }).out('2026-11-16 13:00', { next: '2026-11-16 14:00' }).build();
    expect(dues(runCompliance(incident, local('2026-11-16 13:30'), config), 'max-gap')).toEqual([]);
  });
});

describe('pausing while awaiting the client', () => {
  const pausable = parseConfig('priorities:\n  urgent: { pausable: true }\n  medium: { pausable: true }\n');

  it('ends an awaiting interval at the next inbound entry, or outbound entry without awaiting; internal entries change nothing', () => {
    const byInbound = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:10', { awaiting: true }).internal('10:00').in('11:00').out('11:30').build();
    expect(awaitingIntervals(byInbound.entries, undefined)).toEqual([local('2026-11-02 09:10'), local('2026-11-02 11:00')]);
    const byOutbound = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:10', { awaiting: true }).out('10:00', { awaiting: true }).out('12:00').build();
    expect(awaitingIntervals(byOutbound.entries, undefined)).toEqual([local('2026-11-02 09:10'), local('2026-11-02 12:00')]);
    const open = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent', resolved: '2026-11-02 15:00' }).out('09:10', { awaiting: true }).build();
    expect(awaitingIntervals(open.entries, open.resolvedAt)).toEqual([local('2026-11-02 09:10'), local('2026-11-02 15:00')]);
    expect(awaitingIntervals(open.entries, undefined)).toEqual([local('2026-11-02 09:10'), Infinity]);
  });

  it('pauses the max-gap clock: the due moves by the time spent awaiting', () => {
    // Urgent (3h): 09:10 awaiting until the client answers at 11:00; the clock ran 09:10 -> 09:10 only.
    // 11:00 + 3h = 14:00 is the due of the segment that started at 09:10.
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:10', { awaiting: true }).in('11:00').out('14:30', { next: '15:30' }).build();
    const now = local('2026-11-02 15:00');
    expect(dues(runCompliance(incident, now, pausable), 'max-gap')).toEqual([local('2026-11-02 14:00')]);
    expect(dues(runCompliance(incident, now), 'max-gap')).toEqual([local('2026-11-02 12:10')]);
    const next = dueObligations(buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:10', { awaiting: true }).in('11:00').build(), { config: pausable, now: local('2026-11-02 11:30') });
    expect(next.find((o) => o.rule === 'max-gap')?.due).toBe(local('2026-11-02 14:00'));
  });

  it('does not owe a window whose end falls while awaiting, but owes the one just after', () => {
    // Medium: end-of-day 14:00-16:30. Awaiting from Mon 10:00 until the client answers on Tuesday.
    const build = (answer: string) => buildIncident({ opened: '2026-11-02 09:00', priority: 'medium' }).out('10:00', { awaiting: true }).in(answer).build();
    const now = local('2026-11-04 09:00');
    expect(dues(runCompliance(build('2026-11-03 16:31'), now, pausable), 'window')).toEqual([]);
    // Answered at 16:30, the end of Tuesday's window: the interval [from, to) no longer holds it, so it is owed.
    expect(dues(runCompliance(build('2026-11-03 16:30'), now, pausable), 'window')).toEqual([local('2026-11-03 16:30')]);
    expect(dues(runCompliance(build('2026-11-03 16:31'), now), 'window')).toEqual([local('2026-11-02 16:30'), local('2026-11-03 16:30')]);
  });

  it('needs no next_update_by on an awaiting update of a pausable priority', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:10', { awaiting: true }).build();
    const now = local('2026-11-02 09:30');
    expect(dues(runCompliance(incident, now, pausable), 'next-update-missing')).toEqual([]);
    expect(runCompliance(incident, now).filter((f) => f.rule === 'next-update-missing')).toHaveLength(1);
  });

  it('stops pausing when the incident is re-triaged to a priority that is not pausable', () => {
    // Medium (pausable) awaiting from 10:00; re-triaged to high (not pausable) at 11:00.
    // High's windows then count: lunchtime (12:00-13:30) and end-of-day are owed on Monday.
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'medium' }).out('09:10', { next: '10:00' }).out('10:00', { awaiting: true }).internal('11:00', { priority: 'high' }).build();
    const found = runCompliance(incident, local('2026-11-02 17:00'), pausable);
    expect(dues(found, 'window')).toEqual([local('2026-11-02 13:30'), local('2026-11-02 16:30')]);
  });
});

describe("policies: properties (the run's fixed seed)", () => {
  const key = (f: RuleFinding) => `${f.rule}|${f.due}|${f.file}|${f.window ?? ''}`;
  const markAwaiting = (entries: readonly LogEntry[], flags: boolean[]): LogEntry[] =>
    entries.map((e, i) => (e.direction === 'outbound' && flags[i % flags.length] ? { ...e, awaiting: 'client' as const } : e));

  it('finds the same with clients and changes that do not apply, and awaiting without pausable', () => {
    const general = parseConfig(undefined);
    const unused = parseConfig('clients:\n  Somebody Else: { acknowledge_within: 5m }\npolicy_changes:\n  - { since: 2030-01-01, acknowledge_within: 5m }\n');
    fc.assert(
      fc.property(scenarioArbitrary, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), ({ incident, now }, flags) => {
        const expected = runCompliance(incident, now, general);
        expect(runCompliance(incident, now, unused)).toEqual(expected);
        const awaiting: Incident = { ...incident, entries: markAwaiting(incident.entries, flags) };
        expect(runCompliance(awaiting, now, general).filter((f) => f.rule !== 'next-update-missing')).toEqual(expected.filter((f) => f.rule !== 'next-update-missing'));
      }),
      { numRuns: 200 },
    );
  });

  it('adding an awaiting interval on a pausable priority never adds a max-gap, window or weekly finding', () => {
    const config = parseConfig('priorities:\n  urgent: { pausable: true }\n  high: { pausable: true }\n  medium: { pausable: true }\n  low: { pausable: true }\n');
    fc.assert(
      fc.property(scenarioArbitrary, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), ({ incident, now }, flags) => {
        const before = runCompliance(incident, now, config);
        const awaiting: Incident = { ...incident, entries: markAwaiting(incident.entries, flags) };
        const after = runCompliance(awaiting, now, config);
        // A paused gap may fall due later, but never is a gap added.
        expect(after.filter((f) => f.rule === 'max-gap').length).toBeLessThanOrEqual(before.filter((f) => f.rule === 'max-gap').length);
        const owed = new Set(before.map(key));
        for (const f of after) if (f.rule === 'window' || f.rule === 'weekly') expect(owed).toContain(key(f));
      }),
      { numRuns: 300 },
    );
  });
});
