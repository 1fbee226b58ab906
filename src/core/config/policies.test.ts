import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../time/timestamp.ts';
import { ConfigError, parseConfig, policyOf, zoneOf } from './config.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The problems a config text is refused with, one line each. */
function problemsOf(text: string): string[] {
  try {
    parseConfig(text);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const CONTRACTS = `
timezone: Europe/London
holidays: [2026-08-31, 2026-12-25]
acknowledge_within: 30m
clients:
  Meridian Freight:
    timezone: America/New_York
    holidays: [2026-07-03, 2026-11-26, 2026-12-25]
    business_hours: { start: "08:00" }
    priorities:
      urgent: { max_gap: 2h }
policy_changes:
  - since: 2026-09-01
    note: Support contract v2
    acknowledge_within: 15m
    clients:
      meridian   FREIGHT: { priorities: { urgent: { max_gap: 1h } } }
  - since: 2026-10-01T12:00
    note: Faster urgent acknowledgements
    priorities: { urgent: { acknowledge_within: 10m } }
`;

describe('the policy of an incident (policies.md)', () => {
  const config = parseConfig(CONTRACTS);
  const opened = (text: string) => parseTimestamp(text, 'Europe/London');

  it('judges an incident without a client entry by the general policy, which is not a finding', () => {
    const { policy, layers, client } = policyOf(config, { client: 'Kestrel Housing', openedAt: opened('2026-06-01 10:00') });
    expect(layers.map((l) => l.name)).toEqual(['defaults', 'config']);
    expect(client).toBeUndefined();
    expect(policy.holidays).toEqual(['2026-08-31', '2026-12-25']);
    expect(policy.priorities.urgent.maxGap).toBe(3 * HOUR);
  });

  it("matches the client ignoring case and runs of whitespace; the client's holidays replace the general list", () => {
    const { policy, layers, client } = policyOf(config, { client: '  meridian\tfreight ', openedAt: opened('2026-06-01 10:00') });
    expect(client).toBe('Meridian Freight');
    expect(layers.map((l) => l.name)).toEqual(['defaults', 'config', 'clients.Meridian Freight']);
    expect(policy.holidays).toEqual(['2026-07-03', '2026-11-26', '2026-12-25']);
    expect(policy.timezone).toBe('America/New_York');
    // business_hours: { start } keeps the general days and end.
    expect(policy.businessHours).toMatchObject({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: 8 * 60, end: 17 * 60 + 30 });
    expect(policy.priorities.urgent.maxGap).toBe(2 * HOUR);
  });

  it('applies a change to incidents opened at its since, not one minute before', () => {
    const before = policyOf(config, { client: 'Meridian Freight', openedAt: opened('2026-08-31 23:59') });
    const at = policyOf(config, { client: 'Meridian Freight', openedAt: opened('2026-09-01 00:00') });
    expect(before.policy.priorities.urgent.acknowledgeWithin).toBe(30 * MINUTE);
    expect(before.policy.priorities.urgent.maxGap).toBe(2 * HOUR);
    expect(at.policy.priorities.urgent.acknowledgeWithin).toBe(15 * MINUTE);
    expect(at.policy.priorities.urgent.maxGap).toBe(HOUR);
    expect(at.change).toMatchObject({ name: 'policy_changes[0]', note: 'Support contract v2', since: opened('2026-09-01 00:00') });
    expect(at.layers.map((l) => l.name)).toEqual(['defaults', 'config', 'policy_changes[0]', 'clients.Meridian Freight']);
  });

  it('merges changes in order, then the client entry last', () => {
    const { policy, layers } = policyOf(config, { client: 'Meridian Freight', openedAt: opened('2026-10-02 09:00') });
    expect(layers.map((l) => l.name)).toEqual(['defaults', 'config', 'policy_changes[0]', 'policy_changes[1]', 'clients.Meridian Freight']);
    expect(policy.priorities.urgent).toMatchObject({ maxGap: HOUR, acknowledgeWithin: 10 * MINUTE });
    expect(policy.priorities.high.acknowledgeWithin).toBe(15 * MINUTE);
  });

  it("lets a client's entry override what a later change sets generally", () => {
    const layered = parseConfig(`
clients:
  Acme: { acknowledge_within: 1h }
policy_changes:
  - { since: 2026-09-01, acknowledge_within: 15m }
`);
    const later = parseTimestamp('2026-10-01T09:00Z', 'UTC');
    expect(policyOf(layered, { client: 'Acme', openedAt: later }).policy.priorities.low.acknowledgeWithin).toBe(HOUR);
    expect(policyOf(layered, { client: 'Other', openedAt: later }).policy.priorities.low.acknowledgeWithin).toBe(15 * MINUTE);
  });

  it('reads a change’s since in the top-level zone', () => {
    const changed = policyOf(config, { client: 'x', openedAt: parseTimestamp('2026-10-01T11:00Z', 'UTC') });
    expect(changed.change?.name).toBe('policy_changes[1]');
    const notYet = policyOf(config, { client: 'x', openedAt: parseTimestamp('2026-10-01T10:59Z', 'UTC') });
    expect(notYet.change?.name).toBe('policy_changes[0]');
  });

  it("takes an incident's zone from itself, else its client's entry, else the config", () => {
    expect(zoneOf(config, 'Meridian Freight', undefined)).toBe('America/New_York');
    expect(zoneOf(config, 'Meridian Freight', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(zoneOf(config, 'Kestrel', undefined)).toBe('Europe/London');
  });

  it('resolves each policy once: incidents of one client and period share it', () => {
    const a = policyOf(config, { client: 'Meridian Freight', openedAt: opened('2026-09-02 10:00') });
    const b = policyOf(config, { client: 'MERIDIAN FREIGHT', openedAt: opened('2026-09-20 10:00') });
    expect(a.policy).toBe(b.policy);
  });
});

describe('business hours with breaks and per-day hours', () => {
  it('gives each weekday its own hours, what by_day leaves out coming from the general ones', () => {
    const config = parseConfig('business_hours:\n  breaks: [{ from: "12:30", to: "13:30" }]\n  by_day:\n    fri: { end: "16:00" }\n    mon: { start: "10:00", breaks: [] }\n');
    const byWeekday = policyOf(config, { client: 'any', openedAt: 0 }).policy.businessHours.byWeekday;
    expect(byWeekday.fri).toEqual({ start: 540, end: 960, breaks: [{ from: 750, to: 810 }] });
    expect(byWeekday.mon).toEqual({ start: 600, end: 1050, breaks: [] });
    expect(byWeekday.sat).toBeUndefined();
  });
});

describe('configuration errors (exit 2, one line naming the key)', () => {
  it('reports every problem at once, each with its line and key', () => {
    const problems = problemsOf(`timezone: Mars/Olympus
holidays: [25/12/2026]
acknowledge_within: soon
priorities:
  urgent: { max_gap: 3 hours }
  critical: { max_gap: 1h }
colour: blue
`);
    expect(problems).toEqual([
      expect.stringMatching(/^commlog\.config\.yaml:1: timezone: "Mars\/Olympus" is not an IANA time zone/),
      expect.stringMatching(/^commlog\.config\.yaml:2: holidays\[0\]: expected a date YYYY-MM-DD/),
      expect.stringMatching(/^commlog\.config\.yaml:3: acknowledge_within: expected a duration/),
      expect.stringMatching(/^commlog\.config\.yaml:5: priorities\.urgent\.max_gap: expected a duration/),
      expect.stringMatching(/^commlog\.config\.yaml:6: unknown key "priorities\.critical"/),
      expect.stringMatching(/^commlog\.config\.yaml:7: unknown key "colour"/),
    ]);
  });

  it('reports every problem across keys after the values are valid', () => {
    const problems = problemsOf(`business_hours: { start: "18:00", end: "09:00" }
windows:
  late: { from: "17:00", to: "16:00" }
priorities:
  high: { windows: [morning, evening] }
`);
    expect(problems).toEqual([
      'commlog.config.yaml:1: business_hours: start (18:00) must be before end (09:00)',
      'commlog.config.yaml:3: windows.late: "from" (17:00) must be before "to" (16:00)',
      'commlog.config.yaml:5: priorities.high.windows[1]: no window named "evening" (known: morning, lunchtime, end-of-day, late)',
    ]);
  });

  it.each([
    ['a weekday of by_day not in days', 'business_hours:\n  days: [mon, tue]\n  by_day: { fri: { end: "16:00" } }\n', /business_hours\.by_day\.fri: fri is not one of the business days \(mon, tue\)/],
    [
      'a general break outside a short Friday, naming the weekday',
      'business_hours:\n  breaks: [{ from: "12:30", to: "13:30" }]\n  by_day: { fri: { end: "12:00" } }\n',
      /business_hours\.by_day\.fri: on fri the break 12:30-13:30 lies outside the business hours 09:00-12:00 \(set by_day: \{ fri: \{ breaks: \[\.\.\.\] \} \}/,
    ],
    ['overlapping breaks', 'business_hours:\n  breaks: [{ from: "12:00", to: "13:00" }, { from: "12:30", to: "13:30" }]\n', /business_hours\.breaks: the breaks 12:00-13:00 and 12:30-13:30 overlap/],
    ['a break that ends before it starts', 'business_hours:\n  breaks: [{ from: "13:00", to: "12:00" }]\n', /business_hours\.breaks: the break 13:00-12:00 must start before it ends/],
    ['two client keys naming the same client', 'clients:\n  Meridian Freight: {}\n  meridian  freight: {}\n', /:3: clients\.meridian {2}freight: "meridian {2}freight" and "Meridian Freight" name the same client/],
    ['a key that is not a policy key under clients', 'clients:\n  Acme: { categories: [outage] }\n', /:2: clients\.Acme\.categories: "categories" is not a policy key/],
    ['a time zone in a policy change', 'policy_changes:\n  - { since: 2026-09-01, timezone: Europe/Paris }\n', /policy_changes\[0\]\.timezone: a policy change cannot change the time zone/],
    ['a time zone in a client of a policy change', 'policy_changes:\n  - since: 2026-09-01\n    clients: { Acme: { timezone: Europe/Paris } }\n', /policy_changes\[0\]\.clients\.Acme\.timezone: a policy change cannot change the time zone/],
    ['changes out of order', 'policy_changes:\n  - { since: 2026-10-01 }\n  - { since: 2026-09-01 }\n', /:3: policy_changes\[1\]\.since: 2026-09-01 is before the since of the change above it/],
    ['a since that is not a date or timestamp', 'policy_changes:\n  - { since: next week }\n', /policy_changes\[0\]\.since: "next week": expected a date/],
    [
      'a combination of layers that is not valid, naming the layer',
      'clients:\n  Acme: { business_hours: { end: "12:00" } }\npolicy_changes:\n  - since: 2026-09-01\n    business_hours: { breaks: [{ from: "12:30", to: "13:30" }] }\n',
      /policy_changes\[0\] \+ clients\.Acme: business_hours\.breaks: the break 12:30-13:30 lies outside the business hours 09:00-12:00/,
    ],
  ])('refuses %s', (_, text, message) => {
    expect(problemsOf(text)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });
});
