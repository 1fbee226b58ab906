import { describe, expect, it } from 'vitest';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { clientCommitmentOverdue } from './clientCommitmentOverdue.ts';
import { commitmentOverdue } from './commitmentOverdue.ts';

type Incident = ReturnType<ReturnType<typeof buildIncident>['build']>;
const context = (now: string) => ({ config: defaultConfig, now: local(now) });
const ours = (incident: Incident, now: string) => commitmentOverdue.run(incident, context(now));
const theirs = (incident: Incident, now: string) => clientCommitmentOverdue.run(incident, context(now));
const promised = (owner = 'us') =>
  buildIncident({ opened: '2026-11-02 09:00', priority: 'high' }).out('09:10', { commitments: [{ id: 'send-rca', action: 'send the root cause analysis', owner, due: '2026-11-04 17:00' }] });

describe('commitment-overdue and client-commitment-overdue', () => {
  it('is overdue only once Now is past the due time', () => {
    expect(ours(promised().build(), '2026-11-04 17:00')).toEqual([]);
    const incident = promised().build();
    expect(ours(incident, '2026-11-04 17:01')).toEqual([
      {
        rule: 'commitment-overdue',
        file: incident.entries[0].file,
        line: incident.entries[0].commitments[0].line,
        message: 'Commitment "send-rca" (send the root cause analysis) was due by Wed 4 Nov 17:00 GMT and is not done: do it and log an entry with it in done',
        due: local('2026-11-04 17:00'),
        commitment: 'send-rca',
      },
    ]);
  });

  it('is fulfilled by done at the due time, not a minute later', () => {
    expect(ours(promised().internal('2026-11-04 17:00', { done: ['send-rca'] }).build(), '2026-11-06 12:00')).toEqual([]);
    const [late] = ours(promised().internal('2026-11-04 17:01', { done: ['send-rca'] }).build(), '2026-11-06 12:00');
    expect(late.message).toBe('Commitment "send-rca" (send the root cause analysis) was due by Wed 4 Nov 17:00 GMT but was done only at 17:01');
  });

  it('counts done only in the entry that made the commitment or a later one', () => {
    const early = buildIncident({ opened: '2026-11-02 09:00', priority: 'high' })
      .internal('09:05', { done: ['send-rca'] })
      .out('09:10', { commitments: [{ id: 'send-rca', due: '2026-11-04 17:00' }] })
      .build();
    expect(ours(early, '2026-11-05 12:00')).toHaveLength(1);
    const same = buildIncident({ opened: '2026-11-02 09:00', priority: 'high' })
      .out('09:10', { commitments: [{ id: 'send-rca', due: '2026-11-04 17:00' }], done: ['send-rca'] })
      .build();
    expect(ours(same, '2026-11-05 12:00')).toEqual([]);
  });

  it('sorts commitments by owner: client to the client rule, us or a name to ours', () => {
    expect(ours(promised('client').build(), '2026-11-05 12:00')).toEqual([]);
    const [client] = theirs(promised('client').build(), '2026-11-05 12:00');
    expect(client.rule).toBe('client-commitment-overdue');
    expect(client.message).toBe('The client\'s commitment "send-rca" (send the root cause analysis) was due by Wed 4 Nov 17:00 GMT and is not done: follow it up with the client');
    const [named] = ours(promised('Dana').build(), '2026-11-05 12:00');
    expect(named.message).toMatch(/^Commitment "send-rca" \(send the root cause analysis, owner Dana\) was due by/);
    expect(theirs(promised('Dana').build(), '2026-11-05 12:00')).toEqual([]);
  });

  it('never judges a commitment without a due time, and outlives resolution', () => {
    const undated = buildIncident({ opened: '2026-11-02 09:00', priority: 'high' }).out('09:10', { commitments: [{ id: 'call-back' }] }).build();
    expect(ours(undated, '2027-01-01 12:00')).toEqual([]);
    const resolved = buildIncident({ opened: '2026-11-02 09:00', priority: 'high', resolved: '2026-11-02 10:00' })
      .out('09:10', { commitments: [{ id: 'send-rca', due: '2026-11-04 17:00' }] })
      .build();
    expect(ours(resolved, '2026-11-05 12:00')).toHaveLength(1);
  });

  it('reads a due time in the incident zone across the clocks going back (New York and London)', () => {
    const ny = buildIncident({ zone: 'America/New_York', opened: '2026-10-30 09:00', priority: 'high' })
      .out('09:10', { commitments: [{ id: 'patch', action: 'ship the patch', due: '2026-11-02 09:00' }] })
      .build();
    const context = (now: string) => ({ config: defaultConfig, now: local(now, 'America/New_York') });
    expect(commitmentOverdue.run(ny, context('2026-11-02 09:00'))).toEqual([]);
    const [finding] = commitmentOverdue.run(ny, context('2026-11-02 09:01'));
    expect(finding.due).toBe(local('2026-11-02T14:00Z'));
    expect(finding.message).toBe('Commitment "patch" (ship the patch) was due by Mon 2 Nov 09:00 EST and is not done: do it and log an entry with it in done');
    const london = buildIncident({ opened: '2026-10-23 09:00', priority: 'high' })
      .out('09:10', { commitments: [{ id: 'patch', owner: 'client', due: '2026-10-26 09:00' }] })
      .build();
    expect(theirs(london, '2026-10-26 09:01').map((f) => f.due)).toEqual([local('2026-10-26T09:00Z')]);
  });
});
