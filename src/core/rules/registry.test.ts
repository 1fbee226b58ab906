// The registry is the one list of rules: a rule module left out of it, or a docs/rules.md not
// regenerated after a change, fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySeverities } from '../findings.ts';
import { COMPLIANCE_RULES, INCIDENT_RULES, REPORT_RULES, RULE_DEFINITIONS, RULE_IDS, RULES } from './registry.ts';
import type { RuleDefinition } from './rule.ts';
import { rulesDocument } from './rulesDocument.ts';

const RULES_DIR = import.meta.dirname;

function isRuleDefinition(value: unknown): value is RuleDefinition {
  return typeof value === 'object' && value !== null && 'docsUrl' in value && 'id' in value && 'family' in value;
}

describe('the rule registry', () => {
  it('holds every rule a module of src/core/rules defines', async () => {
    const modules = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const defined: string[] = [];
    for (const file of modules) {
      const exports: Record<string, unknown> = await import(join(RULES_DIR, file));
      for (const value of Object.values(exports)) {
        if (!isRuleDefinition(value)) continue;
        defined.push(value.id);
        expect(RULE_DEFINITIONS as readonly RuleDefinition[], `${file} defines ${value.id}, missing from RULE_DEFINITIONS`).toContain(value);
      }
    }
    expect(defined.sort()).toEqual([...RULE_IDS].sort());
  });

  it('has one definition per id, each with its section in the docs', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const rule of RULE_DEFINITIONS) {
      expect(RULES[rule.id]).toBe(rule);
      expect(rule.docsUrl).toBe(`docs/rules.md#${rule.id}`);
      expect(rulesDocument()).toContain(`\n### ${rule.id}\n`);
    }
  });

  it('runs every rule but schema (loading) and log-immutable (--since) on a loaded incident, split by family', () => {
    expect(RULE_IDS.filter((id) => !INCIDENT_RULES.some((r) => r.id === id))).toEqual(['schema', 'log-immutable']);
    expect(COMPLIANCE_RULES.map((r) => r.id)).toEqual(RULE_DEFINITIONS.filter((r) => r.family === 'compliance').map((r) => r.id));
    expect(REPORT_RULES.map((r) => r.id)).toEqual(['report-missing', 'report-heading', 'report-empty', 'report-severity', 'report-severity-mismatch', 'report-timeline', 'report-blame']);
  });

  it("gives every finding its rule's docs link", () => {
    const [finding] = applySeverities('x', [{ rule: 'max-gap', file: 'incidents/x/log/a.md', message: 'late' }], {}, 'UTC');
    expect(finding.docs).toBe('docs/rules.md#max-gap');
  });

  it('docs/rules.md is generated from the registry (run `npm run rules-doc` after changing a rule)', () => {
    expect(readFileSync(join(RULES_DIR, '../../../docs/rules.md'), 'utf8')).toBe(rulesDocument());
  });
});
