import type { Config } from '../config/config.ts';
import type { RuleFinding } from '../findings.ts';
import type { Incident } from '../model.ts';

/** What every rule may consult besides the incident. */
export interface RuleContext {
  config: Config;
  /** Epoch ms: `--now`, else the current time. */
  now: number;
}

/** A rule is a small function from a loaded incident to findings; it never throws for bad data. */
export type Rule = (incident: Incident, context: RuleContext) => RuleFinding[];
