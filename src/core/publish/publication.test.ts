import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { applySeverities } from '../findings.ts';
import type { Incident } from '../model.ts';
import { redactContacts } from '../render/redact.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { runCompliance } from '../testing/runRules.ts';
import { publication, publicName, UNNAMED_CONTACT } from './publication.ts';

const hidden = parseConfig(undefined);
const shown = parseConfig('publish: { contact_details: true }');

describe('publicName', () => {
  it.each([
    ['Ana Silva <ana@x.example>', undefined, 'Ana Silva'],
    ['ana.silva@client.example', undefined, UNNAMED_CONTACT],
    ['ana.silva@client.example', 'Acme Stores', `${UNNAMED_CONTACT} at Acme Stores`],
    ['<ana@x.example>', undefined, UNNAMED_CONTACT],
    ['Ana (ana@x.example)', undefined, 'Ana ([e-mail withheld])'],
  ])('%j (org %j) is shown as %j', (name, org, expected) => {
    expect(publicName(name, org, redactContacts)).toBe(expected);
  });
});

/** An incident with a contact detail in every field a page shows, and an internal commitment. */
function plantedIncident(): Incident {
  const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'high' })
    .in('09:00')
    .out('09:10', { next: '12:00', commitments: [{ id: 'send-logs', action: 'Send the logs to ana@client.example', due: '10:00' }] })
    .internal('09:20', { commitments: [{ id: 'rotate-key', action: 'Rotate the Stripe key that Bob pasted', due: '09:30' }], name: '2026-11-02T0920-call-07700900123.md' })
    .build();
  const [inbound, outbound, note] = incident.entries;
  note.internal = true;
  note.summary = 'Internal: Bob pasted the key';
  inbound.contacts = [{ name: 'Ana Silva <ana@client.example>', email: 'ana@client.example', phone: '07700 900123' }, { name: 'ana.silva@client.example' }];
  inbound.author = 'ops@us.example';
  inbound.verbatim = 'Call me on +447700900123';
  outbound.summary = 'Told Ana (mob: 07700-910220) the fix is coming';
  return {
    ...incident,
    title: 'Checkout down \u202Egnp.exe',
    client: 'ana@client.example',
    owner: 'Tel:020 7946 0000',
    backup: 'bob@us.example',
    category: 'call 1-800-555-0199',
    tags: ['ana@client.example'],
    reporter: { name: 'Ana Silva', email: 'ana@client.example', phone: '+33 1 23 45 67 89' },
  };
}

describe('publication', () => {
  const incident = plantedIncident();
  const now = local('2026-11-02 18:00');
  const findings = applySeverities(incident.id, runCompliance(incident, now), {}, incident.zone);
  const published = publication(incident, findings, hidden);
  const everything = JSON.stringify(published);

  it('withholds every planted contact detail from every field', () => {
    for (const planted of ['ana@client.example', 'ana.silva@client', '07700', '7700900123', '7946 0000', '23 45 67 89', '555-0199', 'bob@us.example', 'ops@us.example']) {
      expect(everything).not.toContain(planted);
    }
    expect(published.incident.reporter).toEqual({ name: 'Ana Silva', org: undefined, role: undefined });
    expect(published.incident.entries[0].contacts.map((p) => p.name)).toEqual(['Ana Silva', UNNAMED_CONTACT]);
    expect(published.incident.client).toBe('[e-mail withheld]');
    expect(published.incident.title).toBe('Checkout down [U+202E]gnp.exe');
  });

  it('keeps nothing of an internal entry but its time and direction, nor its commitments', () => {
    expect(findings.some((f) => f.commitment === 'rotate-key')).toBe(true);
    expect(everything).not.toContain('Stripe');
    expect(everything).not.toContain('rotate-key');
    expect(everything).not.toContain('Bob pasted');
    expect(everything).not.toContain('07700900123');
    expect(published.findings.some((f) => f.commitment === 'send-logs')).toBe(true);
    const note = published.incident.entries[2];
    expect(note).toMatchObject({ internal: true, summary: '', commitments: [], body: '', at: incident.entries[2].at });
  });

  it('publishes contact details when the config says so, bidi controls still shown', () => {
    const open = publication(incident, findings, shown);
    expect(open.incident.reporter.email).toBe('ana@client.example');
    expect(open.incident.client).toBe('ana@client.example');
    expect(open.incident.title).toBe('Checkout down [U+202E]gnp.exe');
    expect(JSON.stringify(open)).not.toContain('Stripe');
  });
});

describe('an internal entry awaiting the client', () => {
  // An outbound entry kept internal still pauses a pausable clock (policies.md): the published
  // form, which the site and the log form run the core on, must pause it too.
  const pausable = parseConfig('priorities: { high: { pausable: true } }');
  const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'high' })
    .in('09:00')
    .out('09:10', { next: '10:00' })
    .out('09:40', { awaiting: true })
    .build();
  incident.entries[2].internal = true;
  const now = local('2026-11-03 18:00');
  const published = publication(incident, [], pausable).incident;

  it('keeps its awaiting, so the rules find on the published incident what they find on the whole', () => {
    expect(published.entries[2]).toMatchObject({ internal: true, summary: '', awaiting: 'client' });
    expect(runCompliance(published, now, pausable)).toEqual(runCompliance(incident, now, pausable));
    const unpaused = { ...incident, entries: incident.entries.map((e) => ({ ...e, awaiting: undefined })) };
    expect(runCompliance(unpaused, now, pausable)).not.toEqual(runCompliance(incident, now, pausable));
  });
});
