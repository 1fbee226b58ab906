import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULES } from '../../core/findings.ts';
import { checkFindings, commlog, copyFixture, OPEN_INCIDENT, RESOLVED_INCIDENT } from './writingTestKit.ts';

let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => dispose());

function weekly(...flags: string[]) {
  return commlog(['weekly', '--root', root, ...flags], root);
}

describe('commlog weekly', () => {
  it('describes each incident open that week: latest update, next deadline, open commitments', async () => {
    const result = await weekly('--week', '2026-W45', '--now', '2026-11-03T12:00');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const md = result.stdout;
    expect(md).toMatch(/^# Weekly status update, 2026-W45\n\nMon 2 Nov – Sun 8 Nov, as of Tue 3 Nov 12:00 GMT\. 1 incident open during the week\.\n/);
    // The incident resolved the week before is not in this week's update.
    expect(md).not.toContain(RESOLVED_INCIDENT);
    expect(md).toContain('| Checkout returns Error 500 for every card payment | Acme Stores | urgent | open | Mon 2 Nov 10:15 | 5 |');
    expect(md).toContain('- **Latest update:** Mon 2 Nov 10:15 GMT (phone): Call with Ana and Ben');
    expect(md).toContain('- **Next deadline:** Next update promised in the update at Mon 2 Nov 10:15: overdue since Mon 2 Nov 11:15 GMT');
    expect(md).toContain(
      '- **Open commitments:**\n  - Send the gateway rejection logs for 08:30-10:15 (us; overdue since Mon 2 Nov 15:00 GMT)\n  - Place test card orders and confirm the fix end to end (Acme Stores; due Wed 4 Nov 17:00 GMT)\n',
    );
  });

  it("reports the week's compliance as check does: the findings due within the week", async () => {
    const md = (await weekly('--week', '2026-W45', '--now', '2026-11-03T12:00')).stdout;
    const weekStart = Date.parse('2026-11-02T00:00:00Z');
    const weekEnd = Date.parse('2026-11-09T00:00:00Z');
    const fromCheck = (await checkFindings(root, '2026-11-03T12:00', [OPEN_INCIDENT])).filter((f) => {
      const due = (f as { due?: string }).due;
      return RULES[f.rule as keyof typeof RULES].family === 'compliance' && due !== undefined && Date.parse(due) >= weekStart && Date.parse(due) < weekEnd;
    });
    expect(fromCheck.length).toBeGreaterThan(0);
    expect(md).toContain(`- **Communication policy this week:** ${fromCheck.length} findings:`);
    for (const f of fromCheck) expect(md).toContain(`  - ${f.rule}: ${f.message}`);
  });

  it('describes a past week as of its end: a resolved incident owes nothing', async () => {
    const md = (await weekly('--week', '2026-W44', '--now', '2026-11-20T12:00')).stdout;
    expect(md).toMatch(/^Mon 26 Oct – Sun 1 Nov\. 1 incident open during the week\.$/m);
    expect(md).toContain('| Product search takes 20 seconds | Acme Stores | medium | resolved Tue 27 Oct | Tue 27 Oct 11:30 | 0 |');
    expect(md).toContain('- **Next deadline:** — (resolved)');
    expect(md).toContain('- **Communication policy this week:** kept (no finding)');
    expect(md).not.toContain(OPEN_INCIDENT);
  });

  it('counts a missing resolution notice in the week of the resolution', async () => {
    rmSync(join(root, `incidents/${RESOLVED_INCIDENT}/log/2026-10-27T1130-email-out.md`));
    const md = (await weekly('--week', '2026-W44', '--now', '2026-11-20T12:00')).stdout;
    expect(md).toMatch(/- \*\*Communication policy this week:\*\* 1 finding:\n {2}- resolution-notice: /);
    const later = (await weekly('--week', '2026-W45', '--now', '2026-11-20T12:00')).stdout;
    expect(later).not.toContain('resolution-notice');
  });

  it('says so when no incident was open', async () => {
    const md = (await weekly('--week', '2026-W30', '--now', '2026-11-20T12:00')).stdout;
    expect(md).toContain('0 incidents open during the week.\n\nNo incident was open this week.');
  });

  it('defaults to the week of now and writes --out once', async () => {
    const first = await weekly('--now', '2026-11-04T09:00', '--out', 'status.md');
    expect(first).toMatchObject({ code: 0, stdout: 'status.md\n' });
    expect(readFileSync(join(root, 'status.md'), 'utf8')).toMatch(/^# Weekly status update, 2026-W45\n/);
    const again = await weekly('--now', '2026-11-04T09:00', '--out', 'status.md');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/status\.md already exists/);
  });

  it.each([
    [['--week', '2026-45'], /--week "2026-45": expected an ISO week such as 2026-W45/],
    [['--week', '2026-W54'], /--week "2026-W54": expected an ISO week/],
    [['--week', '2027-W10', '--now', '2026-11-04T09:00'], /--week 2027-W10 has not started yet \(now is 2026-W45\)/],
  ])('refuses %j', async (flags, message) => {
    const result = await weekly(...flags);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
