import { describe, expect, it } from 'vitest';
import { cadenceContext } from '../cadence/context.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { cameDue, obligationsOf } from './schedule.ts';

const at = (text: string) => local(`2026-11-02 ${text}`);

describe('obligationsOf', () => {
  it('rules.md example 1 at 13:30: each obligation once, with its due, met-at or missed, and whether it is still open', () => {
    const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' })
      .out('09:10', { next: '10:10' })
      .out('10:05', { next: '11:05' })
      .out('13:20', { next: '14:20' })
      .build();
    const schedule = obligationsOf(cadenceContext(incident, { config: defaultConfig, now: at('13:30') }));
    const brief = (rule: string) => schedule.filter((o) => o.rule === rule).map((o) => ({ due: o.due, metAt: o.metAt, missed: o.missed, open: o.open }));
    expect(brief('ack')).toEqual([{ due: at('09:30'), metAt: at('09:10'), missed: false, open: false }]);
    expect(brief('max-gap')).toEqual([
      { due: at('12:10'), metAt: at('10:05'), missed: false, open: false },
      { due: at('13:05'), metAt: undefined, missed: true, open: false },
      { due: at('16:20'), metAt: undefined, missed: false, open: true },
    ]);
    expect(brief('next-update-late')).toEqual([
      { due: at('10:10'), metAt: at('10:05'), missed: false, open: false },
      { due: at('11:05'), metAt: undefined, missed: true, open: false },
      { due: at('14:20'), metAt: undefined, missed: false, open: true },
    ]);
    expect(brief('next-update-missing').map((o) => o.missed)).toEqual([false, false, false]);
    // The running gap and the last promise have not come due: the figure does not count them yet.
    expect(schedule.filter((o) => o.rule === 'max-gap' || o.rule === 'next-update-late').filter(cameDue)).toHaveLength(4);
  });

  it('owes an unresolved incident the next window to come once today\'s are past or kept', () => {
    const incident = buildIncident({ opened: '2026-11-03 08:30', priority: 'high' }).out('09:05').out('12:30').out('16:45').build();
    const windows = obligationsOf(cadenceContext(incident, { config: defaultConfig, now: local('2026-11-03 18:00') })).filter((o) => o.rule === 'window');
    expect(windows.map((o) => [o.window.name, o.due, o.missed, o.open])).toEqual([
      ['morning', local('2026-11-03 10:00'), false, false],
      ['lunchtime', local('2026-11-03 13:30'), false, false],
      ['end-of-day', local('2026-11-03 16:30'), true, false],
      ['morning', local('2026-11-04 10:00'), false, true],
    ]);
  });
});
