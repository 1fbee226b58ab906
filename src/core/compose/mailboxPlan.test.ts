import { describe, expect, it } from 'vitest';
import type { Incident } from '../model.ts';
import { buildIncident } from '../testing/incidentBuilder.ts';
import { bareMessageId, planMailboxImport, type MailboxMessage } from './mailboxPlan.ts';

function incidentWithImportedMail(id: string, messageIds: string[]): Incident {
  const incident = buildIncident({ id, opened: '2026-11-02 09:00', priority: 'high' })
    .in('09:00')
    .out('09:10')
    .build();
  incident.entries.forEach((entry, index) => {
    if (messageIds[index] !== undefined) entry.messageId = messageIds[index];
  });
  return incident;
}

const acme = incidentWithImportedMail('2026-11-02-acme-checkout-500', ['first@acme.example', 'ack@ours.example']);
const kestrel = incidentWithImportedMail('2026-11-03-kestrel-login', []);

function message(uid: number, fields: Partial<MailboxMessage>): MailboxMessage {
  return { uid, subject: 'Hello', replyTo: [], messageId: `m${uid}@client.example`, ...fields };
}

describe('planMailboxImport', () => {
  it('places a message by the [incident-id] tag in its subject, in any case', () => {
    const [decision] = planMailboxImport([message(1, { subject: 'RE: [2026-11-03-Kestrel-Login] still failing' })], [acme, kestrel]);
    expect(decision).toMatchObject({ action: 'import', incidentId: '2026-11-03-kestrel-login', matchedBy: 'subject tag' });
  });

  it('places a reply by In-Reply-To or References naming a logged message', () => {
    const decisions = planMailboxImport(
      [message(1, { replyTo: ['ack@ours.example'] }), message(2, { replyTo: ['unknown@x.example', 'first@acme.example'] })],
      [acme, kestrel],
    );
    expect(decisions.map((d) => [d.action, 'incidentId' in d ? d.incidentId : undefined])).toEqual([
      ['import', acme.id],
      ['import', acme.id],
    ]);
  });

  it('places a reply to a message imported earlier in the same run', () => {
    const decisions = planMailboxImport([message(1, { subject: '[2026-11-03-kestrel-login] down', messageId: 'a@k' }), message(2, { replyTo: ['a@k'] })], [acme, kestrel]);
    expect(decisions[1]).toMatchObject({ action: 'import', incidentId: kestrel.id, matchedBy: 'reply to a logged message' });
  });

  it('prefers the subject tag to the thread', () => {
    const [decision] = planMailboxImport([message(1, { subject: 'Fwd: [2026-11-03-kestrel-login]', replyTo: ['first@acme.example'] })], [acme, kestrel]);
    expect(decision).toMatchObject({ incidentId: kestrel.id });
  });

  it('never imports a Message-ID the log already has, nor the same one twice in a run', () => {
    const decisions = planMailboxImport(
      [message(1, { messageId: 'first@acme.example', subject: '[2026-11-03-kestrel-login]' }), message(2, { subject: '[2026-11-03-kestrel-login]', messageId: 'twin@x' }), message(3, { subject: '[2026-11-03-kestrel-login]', messageId: 'twin@x' })],
      [acme, kestrel],
    );
    expect(decisions.map((d) => d.action)).toEqual(['already logged', 'import', 'already logged']);
    expect(decisions[0]).toMatchObject({ incidentId: acme.id, file: acme.entries[0].file });
    expect(decisions[2]).toMatchObject({ incidentId: '2026-11-03-kestrel-login', sameAs: 2 });
  });

  it('leaves unplaceable and unreadable messages, saying why', () => {
    const decisions = planMailboxImport(
      [message(1, { subject: 'Question about [not-an-incident]' }), message(2, { problem: 'it cannot be read' }), message(3, { messageId: undefined, subject: '[2026-11-03-kestrel-login]' })],
      [acme, kestrel],
    );
    expect(decisions.map((d) => d.action)).toEqual(['unmatched', 'malformed', 'malformed']);
    expect(decisions[2]).toMatchObject({ reason: expect.stringMatching(/no Message-ID/) });
  });
});

describe('bareMessageId', () => {
  it('drops the angle brackets and white space of the header form', () => {
    expect(bareMessageId(' <CAF=x@mail.example> ')).toBe('CAF=x@mail.example');
    expect(bareMessageId('plain@id')).toBe('plain@id');
  });
});
