// A rule is an object (model: markdownlint's lib/md001.mjs): its id, family, default severity,
// summary, due label and documentation sit beside the code that finds it. RULES, the checker's
// list, the site's due labels and docs/rules.md all derive from the one array in registry.ts.
import type { Config } from '../config/config.ts';
import type { FindingDetail, Severity } from '../findings.ts';
import type { Incident } from '../model.ts';
import type { LogHistory } from '../quality/logHistory.ts';

/** What every rule may consult besides the incident. */
export interface RuleContext {
  config: Config;
  /** Epoch ms: `--now`, else the current time. */
  now: number;
  /** When each entry was committed (read from git by the node adapter); absent: late-log is off. */
  logHistory?: LogHistory;
}

export type RuleFamily = 'validity' | 'compliance';

/** What a rule reports about one incident; never throws for bad data. */
export type RunRule = (incident: Incident, context: RuleContext) => FindingDetail[];

interface RuleFields<Id extends string> {
  id: Id;
  family: RuleFamily;
  /** The default severity; the config's `rules:` may change it. */
  severity: Severity;
  /** One line for tables (rules.md, docs/rules.md). */
  summary: string;
  /** What the site's timeline calls the deadline a finding of this rule missed ("update due"). */
  dueLabel?: string;
  /** The rule's section of docs/rules.md (Markdown): when it fires and what to do. */
  docs: string;
}

export interface RuleSpec<Id extends string> extends RuleFields<Id> {
  /** Absent for the rules whose findings come from elsewhere: `schema` (loading), `log-immutable` (`--since`). */
  run?: RunRule;
}

export interface RuleDefinition<Id extends string = string> extends RuleFields<Id> {
  /** Link to the rule's section of docs/rules.md, relative to the commlog repository. */
  docsUrl: string;
  run?: (incident: Incident, context: RuleContext) => (FindingDetail & { rule: Id })[];
}

export interface RunnableRule<Id extends string = string> extends RuleDefinition<Id> {
  run: (incident: Incident, context: RuleContext) => (FindingDetail & { rule: Id })[];
}

export const RULES_DOC = 'docs/rules.md';

/** The anchor GitHub gives the `### id` heading of a rule in docs/rules.md. */
export function ruleDocsUrl(id: string): string {
  return `${RULES_DOC}#${id}`;
}

export function defineRule<const Id extends string>(spec: RuleSpec<Id> & { run: RunRule }): RunnableRule<Id>;
export function defineRule<const Id extends string>(spec: RuleSpec<Id>): RuleDefinition<Id>;
export function defineRule<const Id extends string>(spec: RuleSpec<Id>): RuleDefinition<Id> {
  const { run, ...fields } = spec;
  const definition: RuleDefinition<Id> = { ...fields, docsUrl: ruleDocsUrl(spec.id) };
  // The rule's id is stamped here, so a rule cannot report under another rule's name.
  if (run) definition.run = (incident, context) => run(incident, context).map((f) => ({ rule: spec.id, ...f }));
  return definition;
}
