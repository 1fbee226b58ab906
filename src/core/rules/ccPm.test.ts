import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { ccAddress, ccPm } from './ccPm.ts';

type Incident = ReturnType<ReturnType<typeof buildIncident>['build']>;
const run = (incident: Incident, config = defaultConfig) => ccPm.run(incident, { config, now: local('2026-11-05 12:00') });
const incident = () => buildIncident({ opened: '2026-11-02 09:00', priority: 'high', pmEmail: 'Pat.PM@Example.com' });

describe('cc-pm', () => {
  it('finds a written update without the PM in cc, pointing at its cc line', () => {
    const built = incident().out('10:00', { cc: ['someone@example.com'] }).out('11:00', { cc: [] }).build();
    const findings = run(built);
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      [built.entries[0].file, built.entries[0].keyLines.cc],
      [built.entries[1].file, 1],
    ]);
    expect(findings[0].message).toBe('The email update of Mon 2 Nov 10:00 did not copy the project manager (Pat.PM@Example.com): copy them on written updates');
  });

  it('matches the address inside <…> and ignores case', () => {
    expect(run(incident().out('10:00', { cc: ['Pat <pat.pm@example.COM>'] }).out('11:00', { cc: [' PAT.PM@EXAMPLE.COM '] }).build())).toEqual([]);
    expect(ccAddress('Pat PM <pat@example.com>')).toBe('pat@example.com');
  });

  it('applies only to the channels of pm_cc_channels and only to outbound entries', () => {
    const built = incident().out('10:00', { channel: 'phone', cc: [] }).out('11:00', { channel: 'chat', cc: [] }).in('12:00', { cc: [] }).build();
    expect(run(built)).toEqual([]);
    expect(run(built, parseConfig('pm_cc_channels: [email, chat]\n')).map((f) => f.file)).toEqual([built.entries[1].file]);
  });
});
