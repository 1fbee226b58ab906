// The three readers of the obligation schedule agree on random incidents: each compliance
// rule's findings are exactly the schedule's missed obligations of that rule, the compliance
// figure counts exactly those as missed, and `commlog due` lists only open obligations, every
// overdue one of which is a finding. The run's one fixed seed (test/setup/fastCheckSeed.ts): a
// failure names a counterexample to keep.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadenceContext } from '../cadence/context.ts';
import { tallyObligations } from '../metrics/obligations.ts';
import type { Incident } from '../model.ts';
import { RULES } from '../rules/registry.ts';
import { scenarioArbitrary } from '../testing/arbitraryIncident.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { dueObligations } from './due.ts';
import { OBLIGATION_RULES, obligationsOf } from './schedule.ts';

const config = defaultConfig;

describe('the obligation schedule and its readers', () => {
  it('rules report exactly the missed obligations, and the figure counts exactly them as missed', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ incident, now }) => {
        const context = { config, now };
        const schedule = obligationsOf(cadenceContext(incident, context));
        const tally = tallyObligations({ incident, config, now });
        for (const rule of OBLIGATION_RULES) {
          const findings = RULES[rule].run(incident, context);
          const missed = schedule.filter((o) => o.rule === rule && o.missed);
          expect(findings.map((f) => f.due ?? null).sort(), rule).toEqual(missed.map((o) => o.due ?? null).sort());
          expect(tally[rule].missed, rule).toBe(findings.length);
          expect(tally[rule].due, rule).toBeGreaterThanOrEqual(tally[rule].missed);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('`due` lists open obligations only, the next window and week and every other open one; each overdue one is a finding', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ incident, now }) => {
        const open: Incident = { ...incident, status: 'open', resolvedAt: undefined, entries: incident.entries.filter((e) => e.at <= now) };
        const context = { config, now };
        const scheduled = obligationsOf(cadenceContext(open, context)).filter((o) => o.open && o.due !== undefined);
        const listed = dueObligations(open, context);
        for (const o of listed) {
          expect(scheduled.some((s) => s.rule === o.rule && s.due === o.due)).toBe(true);
          if (o.overdue) expect(RULES[o.rule].run(open, context).some((f) => f.due === o.due && f.commitment === o.commitment)).toBe(true);
        }
        for (const s of scheduled) {
          if (s.rule === 'window' || s.rule === 'weekly') continue;
          expect(listed.some((o) => o.rule === s.rule && o.due === s.due)).toBe(true);
        }
        for (const rule of ['window', 'weekly'] as const) {
          const next = scheduled.filter((s) => s.rule === rule).map((s) => s.due!).sort((a, b) => a - b)[0];
          expect(listed.filter((o) => o.rule === rule).map((o) => o.due)).toEqual(next === undefined ? [] : [next]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
