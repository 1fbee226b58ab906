// The worked examples of rules.md as real incident folders, read from disk and run through the
// loader and the checker as `commlog check` runs them (fixtures/worked-examples/).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIncident } from '../check.ts';
import { listIncidentIds, readConfig, readIncidentFiles } from '../../node/repository.ts';
import { parseTimestamp } from '../time/timestamp.ts';

const ROOT = join(import.meta.dirname, 'fixtures/worked-examples');
const config = readConfig(ROOT);
const knownIds = new Set(listIncidentIds(ROOT));
const at = (text: string) => parseTimestamp(text, 'UTC');

function check(id: string, now: string) {
  const result = checkIncident(readIncidentFiles(ROOT, id), { config, now: at(now), knownIds });
  return result.findings.map((f) => ({ rule: f.rule, severity: f.severity, due: f.due, file: f.file.replace(`incidents/${id}/`, ''), line: f.line, window: f.window }));
}

describe('worked examples of rules.md, loaded from incident folders', () => {
  it('1: one next-update-late due 11:05 and one max-gap due 13:05, both warnings', () => {
    expect(check('example-1-urgent-gap', '2026-11-02T13:30Z')).toEqual([
      { rule: 'next-update-late', severity: 'warning', due: at('2026-11-02T11:05Z'), file: 'log/2026-11-02T1005-email-out.md', line: 9, window: undefined },
      { rule: 'max-gap', severity: 'warning', due: at('2026-11-02T13:05Z'), file: 'log/2026-11-02T1005-email-out.md', line: 1, window: undefined },
    ]);
  });

  it('2: a report at Fri 17:20 answered Mon 09:15 holds (A is Mon 09:20); at Fri 17:00 it is late (A is Mon 09:00)', () => {
    expect(check('example-2-friday-evening', '2026-11-09T17:00Z')).toEqual([]);
    expect(check('example-2b-friday-close', '2026-11-09T17:00Z')).toEqual([
      { rule: 'ack', severity: 'warning', due: at('2026-11-09T09:00Z'), file: 'log/2026-11-09T0915-email-out.md', line: 1, window: undefined },
    ]);
  });

  it('3: the end-of-day window is missed, due 16:30', () => {
    expect(check('example-3-high-end-of-day', '2026-11-03T18:00Z')).toEqual([
      { rule: 'window', severity: 'warning', due: at('2026-11-03T16:30Z'), file: 'incident.md', line: 1, window: 'end-of-day' },
    ]);
  });

  it('4: the urgent segment from the re-triage at 11:00 is late, due 14:00', () => {
    expect(check('example-4-retriage', '2026-11-02T15:45Z')).toEqual([
      { rule: 'max-gap', severity: 'warning', due: at('2026-11-02T14:00Z'), file: 'log/2026-11-02T1100-note.md', line: 8, window: undefined },
    ]);
  });
});
