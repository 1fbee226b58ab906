import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { buildIncident, local } from '../testing/incidentBuilder.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { reportShared } from './reportShared.ts';

type Incident = ReturnType<ReturnType<typeof buildIncident>['build']>;
const run = (incident: Incident, now = '2026-11-20 12:00', config = defaultConfig) => reportShared.run(incident, { config, now: local(now) });

// Resolved Fri 6 Nov 15:00 (GMT): 40h of business time (Mon–Fri 09:00–17:30) is 2h30 on
// Friday, 8h30 on each of Mon–Thu, and 3h30 on Fri 13 Nov: D = Fri 13 Nov 12:30, across a weekend.
const D = '2026-11-13 12:30';
const closed = (status: 'closed' | 'resolved' = 'closed') =>
  buildIncident({ opened: '2026-11-06 09:00', priority: 'high', resolved: '2026-11-06 15:00', status }).out('09:10', { next: '12:00' }).out('15:00', { kind: 'resolution' });

describe('report-shared', () => {
  it('finds a closed incident whose report was never sent once Now is past D, on report.md line 1, due D', () => {
    const incident = closed().build();
    expect(run(incident)).toEqual([
      {
        rule: 'report-shared',
        file: `${incident.dir}/report.md`,
        line: 1,
        message: `The report was never sent to the client: no outbound entry of kind report-sent since the resolution at Fri 6 Nov 15:00 (report.share_within allows 40h of business time); it was due by Fri 13 Nov 12:30: send it (commlog share-report ${incident.id}) and log it`,
        due: local(D),
      },
    ]);
  });

  it('is not due before D: Now at D exactly gives nothing, a minute later a finding', () => {
    expect(run(closed().build(), D)).toEqual([]);
    expect(run(closed().build(), '2026-11-13 12:31')).toHaveLength(1);
  });

  it('is kept by an outbound report-sent entry at or before D, and late after it', () => {
    expect(run(closed().out('2026-11-13 12:30', { kind: 'report-sent' }).build())).toEqual([]);
    const late = closed().out('2026-11-13 12:31', { kind: 'report-sent' }).build();
    const [finding] = run(late);
    expect(finding.due).toBe(local(D));
    expect(finding.message).toMatch(/^The report was sent to the client at Fri 13 Nov 12:31 \(.+\), after the resolution at Fri 6 Nov 15:00 .*: it was due by Fri 13 Nov 12:30$/);
  });

  it('counts only outbound report-sent entries at or after resolved_at', () => {
    expect(run(closed().internal('2026-11-09 10:00', { kind: 'report-sent' }).build())).toHaveLength(1);
    expect(run(closed().out('2026-11-06 14:00', { kind: 'report-sent' }).build())).toHaveLength(1);
    expect(run(closed().out('2026-11-06 15:00', { kind: 'report-sent' }).build())).toEqual([]);
  });

  it('does not check a resolved (not yet closed) incident', () => {
    expect(run(closed('resolved').build())).toEqual([]);
  });

  it("uses the business clock of the incident's policy even when the priorities run on the always clock", () => {
    const always = parseConfig('clock: always\n');
    expect(run(closed().build(), D, always)).toEqual([]);
    expect(run(closed().build(), '2026-11-13 12:31', always)[0].due).toBe(local(D));
  });

  it('reads report.share_within from the config', () => {
    const short = parseConfig('report:\n  share_within: 2h30m\n');
    // 2h30 of business time from Fri 15:00 runs out at the close of business: Mon 09:00.
    expect(run(closed().build(), '2026-11-09 09:00', short)).toEqual([]);
    expect(run(closed().build(), '2026-11-09 09:01', short)[0].due).toBe(local('2026-11-09 09:00'));
  });
});
