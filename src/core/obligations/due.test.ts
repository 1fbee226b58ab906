import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import type { Incident } from '../model.ts';
import { RULES } from '../rules/registry.ts';
import { scenarioArbitrary } from '../testing/arbitraryIncident.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { dueObligations, proposeNextUpdateBy } from './due.ts';

const NY = 'America/New_York';
const due = (incident: Incident, now: string, config = defaultConfig) => dueObligations(incident, { config, now: local(now, incident.zone) });
const brief = (incident: Incident, now: string, config = defaultConfig) => due(incident, now, config).map((o) => [o.rule, o.due, o.overdue]);

describe('due: the next deadline of each obligation', () => {
  it('worked example 1 at 13:30: promised update 14:20, max-gap 16:20, end-of-day window 16:30', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:10', { next: '10:10' }).out('10:05', { next: '11:05' }).out('13:20', { next: '14:20' }).build();
    const obligations = due(incident, '2026-11-02 13:30');
    expect(obligations.map((o) => [o.rule, o.due, o.overdue, o.window])).toEqual([
      ['next-update-late', local('2026-11-02 14:20'), false, undefined],
      ['max-gap', local('2026-11-02 16:20'), false, undefined],
      ['window', local('2026-11-02 16:30'), false, 'end-of-day'],
    ]);
    expect(obligations.map((o) => o.message)).toEqual([
      'Next update promised in the update at 13:20: due by 14:20 GMT',
      'Next update (urgent allows 3h of business time after the update at 13:20): due by 16:20 GMT',
      'Update in the end-of-day window on Mon 2 Nov (14:00–16:30 GMT, urgent priority): due by 16:30 GMT',
    ]);
    expect(obligations.every((o) => o.incident === incident.id)).toBe(true);
  });

  it('lists an unanswered report first, overdue once Now is past A', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).in('09:00').build();
    expect(brief(incident, '2026-11-02 09:30')).toEqual([
      ['ack', local('2026-11-02 09:30'), false],
      ['window', local('2026-11-02 16:30'), false],
    ]);
    const [ack] = due(incident, '2026-11-02 09:45');
    expect(ack).toMatchObject({ rule: 'ack', overdue: true, message: 'Acknowledge the report of Mon 2 Nov 09:00 (urgent allows 30m of business time): overdue since 09:30 GMT' });
  });

  it('puts overdue obligations first, then the others by time', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'high' })
      .out('09:05', { next: '11:00', commitments: [{ id: 'logs', owner: 'client', due: '10:00' }, { id: 'rca', due: '2026-11-03 12:00' }] })
      .build();
    expect(brief(incident, '2026-11-02 11:30')).toEqual([
      ['client-commitment-overdue', local('2026-11-02 10:00'), true],
      ['next-update-late', local('2026-11-02 11:00'), true],
      ['window', local('2026-11-02 13:30'), false],
      ['commitment-overdue', local('2026-11-03 12:00'), false],
    ]);
  });

  it('lists the window in progress until its last minute, then the next one', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'medium' }).out('09:05').build();
    expect(brief(incident, '2026-11-02 14:30')).toEqual([['window', local('2026-11-02 16:30'), false]]);
    expect(brief(incident, '2026-11-02 16:30')).toEqual([['window', local('2026-11-02 16:30'), false]]);
    expect(brief(incident, '2026-11-02 16:31')).toEqual([['window', local('2026-11-03 16:30'), false]]);
  });

  it('skips a window already kept, the weekend and holidays', () => {
    const config = parseConfig('holidays: ["2026-11-09"]\n');
    const incident = buildIncident({ opened: '2026-11-06 09:00', priority: 'medium' }).out('09:05').out('15:00').build();
    expect(brief(incident, '2026-11-06 15:30', config)).toEqual([['window', local('2026-11-10 16:30'), false]]);
  });

  it('gives the weekly deadline of this week, or of the next once this one is kept', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'low' }).out('09:10').build();
    expect(brief(incident, '2026-11-04 12:00')).toEqual([['weekly', local('2026-11-13 17:30'), false]]);
    const quiet = buildIncident({ opened: '2026-11-02 09:00', priority: 'low' }).out('2026-10-30 09:10').build();
    expect(brief(quiet, '2026-11-04 12:00')).toEqual([
      ['ack', local('2026-11-02 09:30'), true],
      ['weekly', local('2026-11-06 17:30'), false],
    ]);
  });

  it('measures max-gap from a later change of priority', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'medium' }).out('09:20').internal('11:00', { priority: 'urgent' }).build();
    const obligations = due(incident, '2026-11-02 11:30');
    expect(obligations.find((o) => o.rule === 'max-gap')).toMatchObject({
      due: local('2026-11-02 14:00'),
      message: 'Next update (urgent allows 3h of business time after the change to urgent at 11:00): due by 14:00 GMT',
    });
  });

  it('ignores entries after Now, and owes nothing once resolved', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:10').out('12:00').build();
    expect(due(incident, '2026-11-02 11:00').find((o) => o.rule === 'max-gap')?.due).toBe(local('2026-11-02 12:10'));
    const resolved = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent', resolved: '2026-11-02 10:00' }).build();
    expect(due(resolved, '2026-11-02 11:00')).toEqual([]);
  });

  it('lists only commitments not done, with their owner rule', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'low' })
      .out('09:10', { commitments: [{ id: 'a', due: '2026-11-03 12:00' }, { id: 'b', due: '2026-11-03 12:00' }, { id: 'c', owner: 'Dana', due: '2026-11-03 13:00' }] })
      .internal('2026-11-04 09:00', { done: ['a'] })
      .build();
    const commitments = due(incident, '2026-11-04 12:00').filter((o) => o.commitment);
    expect(commitments.map((o) => [o.rule, o.commitment, o.overdue])).toEqual([
      ['commitment-overdue', 'b', true],
      ['commitment-overdue', 'c', true],
    ]);
    expect(commitments[1].message).toBe('Commitment "c" (c, owner Dana): overdue since Tue 3 Nov 13:00 GMT');
  });

  it('New York: a max-gap across the clocks going back is due Mon 10:30 EST', () => {
    const incident = buildIncident({ zone: NY, opened: '2026-10-30 09:00', priority: 'urgent' }).out('16:00').out('16:20').build();
    const gap = due(incident, '2026-10-30 16:30').find((o) => o.rule === 'max-gap')!;
    expect(gap.due).toBe(local('2026-11-02T10:50-05:00'));
    expect(gap.zone).toBe(NY);
    expect(gap.message).toBe('Next update (urgent allows 3h of business time after the update at 16:20): due by Mon 2 Nov 10:50 EST');
  });

  it('London: the next end-of-day window after the clocks go back is 16:30 GMT', () => {
    const incident = buildIncident({ opened: '2026-10-23 09:00', priority: 'medium' }).out('09:05').out('15:00').build();
    expect(brief(incident, '2026-10-23 17:00')).toEqual([['window', local('2026-10-26T16:30Z'), false]]);
  });
});

describe('proposeNextUpdateBy', () => {
  const propose = (incident: Incident, at: string, config = defaultConfig) => proposeNextUpdateBy(incident, local(at, incident.zone), config);

  it('urgent: max_gap after the update, moved to the next business start at the close', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' }).out('09:10').build();
    expect(propose(incident, '2026-11-02 10:05')).toBe(local('2026-11-02 13:05'));
    expect(propose(incident, '2026-11-06 14:30')).toBe(local('2026-11-09 09:00'));
  });

  it('high: the end of the next window the update does not already keep', () => {
    const incident = buildIncident({ opened: '2026-11-03 08:30', priority: 'high' }).build();
    expect(propose(incident, '2026-11-03 09:05')).toBe(local('2026-11-03 13:30'));
    expect(propose(incident, '2026-11-03 11:00')).toBe(local('2026-11-03 13:30'));
    expect(propose(incident, '2026-11-03 16:00')).toBe(local('2026-11-04 10:00'));
  });

  it('medium and low: the next end-of-day window, the next week', () => {
    expect(propose(buildIncident({ opened: '2026-11-02 09:00', priority: 'medium' }).build(), '2026-11-02 15:00')).toBe(local('2026-11-03 16:30'));
    expect(propose(buildIncident({ opened: '2026-11-02 09:00', priority: 'low' }).build(), '2026-11-04 10:00')).toBe(local('2026-11-13 17:30'));
  });

  it('is undefined when the policy sets no cadence for the priority', () => {
    const config = parseConfig('priorities: { low: { weekly: false } }\n');
    expect(propose(buildIncident({ opened: '2026-11-02 09:00', priority: 'low' }).build(), '2026-11-02 10:00', config)).toBeUndefined();
  });

  it('works for a resolved incident as if it were still open', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent', resolved: '2026-11-02 09:30' }).build();
    expect(propose(incident, '2026-11-02 10:05')).toBe(local('2026-11-02 13:05'));
  });
});

describe('due: properties', () => {
  it('an overdue obligation is exactly a finding its rule reports at Now', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ incident, now }) => {
        const open: Incident = { ...incident, status: 'open', resolvedAt: undefined, entries: incident.entries.filter((e) => e.at <= now) };
        for (const o of dueObligations(open, { config: defaultConfig, now })) {
          if (!o.overdue) continue;
          const findings = RULES[o.rule].run(open, { config: defaultConfig, now });
          expect(findings.some((f) => f.due === o.due && f.commitment === o.commitment)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('proposes a time after the update, which an update at that time keeps', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 10 * 24 * 60 }), ({ incident }, minutes) => {
        const at = incident.openedAt + minutes * 60_000;
        const proposed = proposeNextUpdateBy(incident, at, defaultConfig);
        if (proposed === undefined) return;
        expect(proposed).toBeGreaterThanOrEqual(at);
        const open: Incident = { ...incident, status: 'open', resolvedAt: undefined, entries: incident.entries.filter((e) => e.at <= at) };
        const withUpdate = buildFollowUps(open, at, proposed);
        for (const rule of ['max-gap', 'window', 'weekly'] as const) {
          const findings = RULES[rule].run(withUpdate, { config: defaultConfig, now: proposed });
          expect(findings.filter((f) => f.due! > at)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The incident with an update at `at` and the next one at `next`. */
function buildFollowUps(incident: Incident, at: number, next: number): Incident {
  const base = { ...incident.entries[0] ?? {}, keyLines: {}, kind: 'update' as const, direction: 'outbound' as const, priority: undefined, commitments: [], done: [], cc: [], contacts: [], channel: 'email' as const, author: '', summary: '', internal: false, body: '' };
  const entries = [...incident.entries, { ...base, file: 'a.md', name: '\uffff1', at }, { ...base, file: 'b.md', name: '\uffff2', at: next }];
  return { ...incident, entries: entries.sort((x, y) => x.at - y.at || (x.name < y.name ? -1 : 1)) };
}
