// The compliance figure: the share of obligations that came due and were met, counted on the
// obligation schedule the compliance rules judge (obligations/schedule.ts), so the missed ones
// are exactly the findings and the figure can never disagree with `check`. Every compliance
// rule counts (a missing next-update time as much as a late update); a rule the config turns
// `off` is left out of the figure, as it is out of the findings.
import { cadenceContext } from '../cadence/context.ts';
import type { Config } from '../config/config.ts';
import type { Incident } from '../model.ts';
import { cameDue, OBLIGATION_RULES, obligationsOf, type ObligationRule } from '../obligations/schedule.ts';

export interface Tally {
  due: number;
  missed: number;
}

export type ObligationTally = Record<ObligationRule, Tally>;

export interface ObligationInput {
  incident: Incident;
  config: Config;
  now: number;
}

export function tallyObligations({ incident, config, now }: ObligationInput): ObligationTally {
  const tally = Object.fromEntries(OBLIGATION_RULES.map((rule) => [rule, { due: 0, missed: 0 }])) as ObligationTally;
  for (const o of obligationsOf(cadenceContext(incident, { config, now }))) {
    if (config.rules[o.rule] === 'off' || !cameDue(o)) continue;
    tally[o.rule].due++;
    if (o.missed) tally[o.rule].missed++;
  }
  return tally;
}
