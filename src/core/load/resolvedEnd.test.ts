// Issue 17: an invalid resolved_at made `check` judge a resolved incident as open until Now
// (false "no update for 42652h" findings) while `due` said nothing was owed.
import { describe, expect, it } from 'vitest';
import { checkIncident } from '../check.ts';
import { parseConfig } from '../config/config.ts';
import type { IncidentFiles } from '../model.ts';
import { dueObligations } from '../obligations/due.ts';
import { local } from '../testing/incidentBuilder.ts';

const config = parseConfig(undefined);
const NOW = local('2027-06-01 12:00');

function files(resolvedAt: string | undefined): IncidentFiles {
  const dir = 'incidents/2026-11-02-acme-checkout';
  const entry = (name: string, at: string, extra = '') => ({
    path: `${dir}/log/${name}`,
    text: `---\nat: ${at}\ndirection: outbound\nchannel: email\nkind: ${extra || 'update'}\ncontact: { name: Ana Silva }\nauthor: sam\nsummary: update\nnext_update_by: 2026-11-02T10:00\ncc: [marcus.bell@ours.example]\n---\n`,
  });
  return {
    id: '2026-11-02-acme-checkout',
    dir,
    incident: {
      path: `${dir}/incident.md`,
      text: `---\ntitle: Checkout returns HTTP 500\nclient: Acme Retail\nopened_at: 2026-11-02T09:00\nreporter: { name: Ana Silva }\npriority: urgent\nstatus: resolved\n${resolvedAt === undefined ? '' : `resolved_at: ${resolvedAt}\n`}pm: { name: Marcus Bell, email: marcus.bell@ours.example }\ntimezone: Europe/London\n---\n`,
    },
    entries: [entry('2026-11-02T0910-email-out.md', '2026-11-02T09:10'), entry('2026-11-02T0950-email-out.md', '2026-11-02T09:50', 'resolution')],
    strays: [],
  };
}

describe('a resolved incident whose resolved_at is unusable', () => {
  it.each([
    ['before opened_at', '2026-11-01T17:00'],
    ['missing', undefined],
  ])('stays resolved when resolved_at is %s: it ends at its last entry, and check and due agree nothing is owed', (_case, resolvedAt) => {
    const checked = checkIncident(files(resolvedAt), { config, now: NOW, knownIds: new Set() });
    expect(checked.incident?.resolvedAt).toBe(local('2026-11-02 09:50'));
    expect(checked.findings.map((f) => f.rule)).toEqual(['schema']);
    expect(dueObligations(checked.incident!, { config, now: NOW })).toEqual([]);
  });
});
