// What every time rule does with the obligation schedule: each obligation of its rule that was
// missed becomes one finding, in the rule's words. The schedule alone decides what was missed,
// so `check`, `due` and the compliance figure cannot disagree.
import { cadenceContext, type CadenceContext } from '../cadence/context.ts';
import type { FindingDetail } from '../findings.ts';
import { obligationsOfRule, type ObligationRule, type ScheduledObligation } from '../obligations/schedule.ts';
import type { RunRule } from './rule.ts';

export type ObligationOf<R extends ObligationRule> = Extract<ScheduledObligation, { rule: R }>;

/** A rule's `run`: the missed obligations of `rule`, each worded as a finding by `describe`. */
export function findingsOfMissed<R extends ObligationRule>(rule: R, describe: (missed: ObligationOf<R>, ctx: CadenceContext) => FindingDetail): RunRule {
  return (incident, context) => {
    const ctx = cadenceContext(incident, context);
    return obligationsOfRule(ctx, rule)
      .filter((o) => o.missed)
      .map((o) => describe(o, ctx));
  };
}
