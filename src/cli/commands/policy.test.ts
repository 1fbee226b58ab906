import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commlog, copyFixture, OPEN_INCIDENT } from './writingTestKit.ts';

const CONTRACT = `timezone: Europe/London
staff_domains: [fieldstone.example]
categories: [outage, slowness, login]
clients:
  acme   stores:
    holidays: [2026-12-24]
    business_hours: { breaks: [{ from: "12:30", to: "13:30" }] }
policy_changes:
  - since: 2026-10-01
    note: Support contract v2
    priorities: { urgent: { max_gap: 90m, pausable: true } }
  - since: 2026-12-01
    acknowledge_within: 10m
`;

describe('commlog policy INCIDENT', () => {
  let repo: ReturnType<typeof copyFixture>;
  beforeEach(() => {
    repo = copyFixture();
    writeFileSync(join(repo.root, 'commlog.config.yaml'), CONTRACT);
  });
  afterEach(() => repo.dispose());

  it('gives the layers that judged the incident and the effective policy as JSON', async () => {
    const { code, stdout } = await commlog(['policy', OPEN_INCIDENT, '--format', 'json'], repo.root);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ version: 1, incident: OPEN_INCIDENT, zone: 'Europe/London', layers: ['defaults', 'config', 'policy_changes[0]', 'clients.acme   stores'] });
    expect(doc.policy.holidays).toEqual(['2026-12-24']);
    expect(doc.policy.business_hours.breaks).toEqual([{ from: '12:30', to: '13:30' }]);
    expect(doc.policy.priorities.urgent).toEqual({ max_gap: '1h30m', windows: ['end-of-day'], weekly: false, clock: 'business', acknowledge_within: '30m', pausable: true });
    expect(Object.keys(doc.policy)).toEqual(['timezone', 'business_hours', 'holidays', 'clock', 'acknowledge_within', 'windows', 'priorities', 'pm_cc_channels']);
  });

  it('lists the layers with the change’s since and note, then the policy as YAML, then the zone', async () => {
    const { code, stdout } = await commlog(['policy', OPEN_INCIDENT], repo.root);
    expect(code).toBe(0);
    expect(stdout).toContain('  policy_changes[0]  since 2026-10-01 00:00 BST — Support contract v2\n  clients.acme   stores\n');
    expect(stdout).not.toContain('policy_changes[1]');
    expect(stdout).toMatch(/^ {4}urgent: \{max_gap: 1h30m, .*pausable: true\}$/m);
    expect(stdout).toMatch(/\nZone: Europe\/London\n$/);
  });

  it('exits 2 for an unknown incident, and for a config with problems, one line each', async () => {
    const unknown = await commlog(['policy', 'no-such-incident'], repo.root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^commlog policy: unknown incident "no-such-incident"/);
    writeFileSync(join(repo.root, 'commlog.config.yaml'), 'clients:\n  Acme: { rules: {} }\npolicy_changes:\n  - { since: soon }\n');
    const bad = await commlog(['policy', OPEN_INCIDENT], repo.root);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^commlog policy: commlog\.config\.yaml:2: clients\.Acme\.rules: "rules" is not a policy key/),
      expect.stringMatching(/^commlog policy: commlog\.config\.yaml:4: policy_changes\[0\]\.since: "soon": expected a date/),
    ]);
  });
});
