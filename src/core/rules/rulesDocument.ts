// docs/rules.md, generated from the registry (`npm run rules-doc`): the table and one section
// per rule, whose `### id` heading is the anchor every finding's `docs` link points at.
import { RULE_DEFINITIONS } from './registry.ts';

export function rulesDocument(): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from src/core/rules/registry.ts by `npm run rules-doc`; edit the rule modules, not this file. -->',
    '',
    'Every finding of `commlog check` names its rule and links to its section here. Validity rules',
    'say the documents are wrong (a pull request can fix them); compliance rules say the log',
    'truthfully records that the communication policy was missed. Severities can be changed per',
    'rule in the config (`rules:`). The contract is `../shared/spec/rules.md`; adding a rule is',
    'described in [decisions.md](decisions.md#adding-a-rule).',
    '',
    '| id | family | default | one line |',
    '| --- | --- | --- | --- |',
    ...RULE_DEFINITIONS.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.family} | ${r.severity} | ${r.summary} |`),
  ];
  for (const r of RULE_DEFINITIONS) {
    lines.push('', `### ${r.id}`, '', `${r.family}, ${r.severity} by default${r.dueLabel ? `; on the site's timeline: "${r.dueLabel}"` : ''}.`, '', r.docs);
  }
  return `${lines.join('\n')}\n`;
}
