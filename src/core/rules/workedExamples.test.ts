// The worked examples of rules.md (Europe/London, default config), with their exact due instants.
import { describe, expect, it } from 'vitest';
import { cadenceContext } from '../cadence/context.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig, runCompliance } from '../testing/runRules.ts';

const summary = (findings: ReturnType<typeof runCompliance>) => findings.map((f) => ({ rule: f.rule, due: f.due, window: f.window }));

describe('worked example 1: urgent incident with a long gap and a broken promise', () => {
  const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'urgent' })
    .out('09:10', { next: '10:10' })
    .out('10:05', { next: '11:05' })
    .out('13:20', { next: '14:20' })
    .build();
  const findings = runCompliance(incident, local('2026-11-02 13:30'));

  it('finds exactly one max-gap (due 13:05) and one next-update-late (due 11:05); no ack, no window yet', () => {
    expect(summary(findings)).toEqual([
      { rule: 'next-update-late', due: local('2026-11-02 11:05'), window: undefined },
      { rule: 'max-gap', due: local('2026-11-02 13:05'), window: undefined },
    ]);
  });

  it('words the max-gap finding as cli.md shows, pointing at the 10:05 update', () => {
    const gap = findings.find((f) => f.rule === 'max-gap')!;
    expect(gap.message).toBe('No update for 3h15m of business time after 10:05 (urgent allows 3h): next update was due by 13:05');
    expect(gap.file).toBe(incident.entries[1].file);
    expect(gap.line).toBe(1);
  });

  it('points the broken promise at the next_update_by line of the 10:05 update', () => {
    const late = findings.find((f) => f.rule === 'next-update-late')!;
    expect(late.file).toBe(incident.entries[1].file);
    expect(late.line).toBe(incident.entries[1].keyLines.next_update_by);
    expect(late.message).toBe('The update at 10:05 promised the next one by 11:05; it came at 13:20, 2h15m late');
  });
});

describe('worked example 2: medium incident opened late on a Friday', () => {
  const build = (opened: string) =>
    buildIncident({ opened, priority: 'medium' })
      .out('2026-11-09 09:15', { next: '15:00' })
      .out('15:00', { next: '2026-11-10 16:00' })
      .build();
  const now = local('2026-11-09 17:00');

  it('has A on Monday 09:20 (10 business minutes on Friday, 20 on Monday) and no finding', () => {
    const incident = build('2026-11-06 17:20');
    expect(cadenceContext(incident, { config: defaultConfig, now }).ackDeadline).toBe(local('2026-11-09 09:20'));
    expect(runCompliance(incident, now)).toEqual([]);
  });

  it('opened at Fri 17:00 instead, A is Mon 09:00 and the 09:15 reply is late', () => {
    const incident = build('2026-11-06 17:00');
    expect(cadenceContext(incident, { config: defaultConfig, now }).ackDeadline).toBe(local('2026-11-09 09:00'));
    expect(summary(runCompliance(incident, now))).toEqual([{ rule: 'ack', due: local('2026-11-09 09:00'), window: undefined }]);
  });
});

describe('worked example 3: high incident with an end-of-day update outside the window', () => {
  const incident = buildIncident({ opened: '2026-11-03 08:30', priority: 'high' })
    .out('09:05', { next: '12:30' })
    .out('12:30', { next: '16:45' })
    .out('16:45', { next: '2026-11-04 09:30' })
    .build();
  const now = local('2026-11-03 18:00');

  it('starts the acknowledgement clock at 09:00: A is 09:30', () => {
    expect(cadenceContext(incident, { config: defaultConfig, now }).ackDeadline).toBe(local('2026-11-03 09:30'));
  });

  it('finds only the end-of-day window, due 16:30', () => {
    const findings = runCompliance(incident, now);
    expect(summary(findings)).toEqual([{ rule: 'window', due: local('2026-11-03 16:30'), window: 'end-of-day' }]);
    expect(findings[0].message).toBe('No update in the end-of-day window on Tue 3 Nov (14:00–16:30 GMT, expected at high priority): an update was due by 16:30');
  });
});

describe('worked example 4: re-triage from medium to urgent', () => {
  const incident = buildIncident({ opened: '2026-11-02 09:00', priority: 'medium' })
    .out('09:20', { next: '15:30' })
    .internal('11:00', { priority: 'urgent' })
    .out('15:30', { next: '16:30' })
    .build();
  const findings = runCompliance(incident, local('2026-11-02 15:45'));

  it('measures the urgent segment from 11:00: one max-gap due 14:00', () => {
    expect(summary(findings)).toEqual([{ rule: 'max-gap', due: local('2026-11-02 14:00'), window: undefined }]);
  });

  it('points at the priority line of the re-triage entry', () => {
    const retriage = incident.entries[1];
    expect(findings[0].file).toBe(retriage.file);
    expect(findings[0].line).toBe(retriage.keyLines.priority);
    expect(findings[0].message).toBe('No update for 4h30m of business time after the change to urgent at 11:00 (urgent allows 3h): next update was due by 14:00');
  });
});
