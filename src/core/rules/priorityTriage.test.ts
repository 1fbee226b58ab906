import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIncidentFiles } from '../../node/repository.ts';
import { checkIncident } from '../check.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import { isLowerPriority, TRIAGE_PRIORITY } from './priorityTriage.ts';

const ROOT = join(import.meta.dirname, 'fixtures/priority-triage');

/** The priority-triage findings of a fixture folder, loaded and checked as `commlog check` does. */
function run(id: string) {
  const files = readIncidentFiles(ROOT, id);
  const result = checkIncident(files, { config: defaultConfig, now: parseTimestamp('2026-11-02T10:00Z', 'UTC'), knownIds: new Set([id]) });
  expect(result.findings.filter((f) => f.rule === 'schema')).toEqual([]);
  return result.findings.filter((f) => f.rule === 'priority-triage').map(({ severity, line, message }) => ({ severity, line, message }));
}

describe('priority-triage', () => {
  it('implies urgent for blocked and deadline, high for workaround, medium for inconvenience', () => {
    expect(TRIAGE_PRIORITY).toEqual({ blocked: 'urgent', deadline: 'urgent', workaround: 'high', inconvenience: 'medium' });
    expect(isLowerPriority('high', 'urgent')).toBe(true);
    expect(isLowerPriority('urgent', 'high')).toBe(false);
    expect(isLowerPriority('medium', 'medium')).toBe(false);
  });

  it('warns at the line of triage when the priority at opened_at is lower than the implied one', () => {
    expect(run('blocked-but-high')).toEqual([
      {
        severity: 'warning',
        line: 7,
        message: `Field "triage" is blocked (the client's customers or staff cannot work), which implies priority urgent, but the priority at opened_at is high: set priority: urgent, or correct the triage answer`,
      },
    ]);
    expect(run('inconvenience-and-low').map((f) => f.line)).toEqual([7]);
  });

  it('accepts a higher priority, and reads the priority in force at opened_at (a re-triage at that instant counts)', () => {
    expect(run('workaround-and-urgent')).toEqual([]);
    expect(run('deadline-retriaged-at-opening')).toEqual([]);
  });
});
