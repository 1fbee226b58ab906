import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, policyOf } from '../core/config/config.ts';
import { parseTimestamp } from '../core/time/timestamp.ts';
import { policyLabel, policySummary } from './policyView.ts';

const config = parseConfig(readFileSync(join(import.meta.dirname, '../../commlog.config.yaml'), 'utf8'));
const opened = (text: string) => parseTimestamp(text, 'America/New_York');

describe('the policy on the site (bundled config)', () => {
  it('names the contract and the change that judged an incident', () => {
    expect(policyLabel(policyOf(config, { client: 'Meridian Freight', openedAt: opened('2026-11-09T13:15') }), config)).toBe(
      'contract: Meridian Freight, policy since 1 Sep 2026 — Support contract v2',
    );
    expect(policyLabel(policyOf(config, { client: 'Meridian Freight', openedAt: opened('2026-07-15T10:12') }), config)).toBe('contract: Meridian Freight');
    expect(policyLabel(policyOf(config, { client: 'Kestrel Housing Association', openedAt: opened('2026-06-08T14:10') }), config)).toBe('general policy');
  });

  it("shows a client's hours, holidays and cadence", () => {
    const terms = policySummary(policyOf(config, { client: 'Meridian Freight', openedAt: opened('2026-11-20T09:00') }).policy);
    expect(terms.zone).toBe('America/New_York');
    expect(terms.hours).toBe('Mon–Fri 08:00–17:00');
    expect(terms.holidays).toContain('2026-11-26');
    expect(terms.cadence.find((c) => c.priority === 'urgent')?.text).toBe('acknowledge within 30m; an update at least every 2h; updates in the end-of-day window (business time)');
    expect(terms.cadence.find((c) => c.priority === 'medium')?.text).toMatch(/; paused while awaiting the client$/);
  });
});
