import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp, timestampProblem } from '../time/timestamp.ts';
import { timestampText, toMinute } from './timestampText.ts';

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

describe('timestampText', () => {
  it('writes wall-clock time in the zone, the form people write', () => {
    expect(timestampText(Date.parse('2026-11-02T09:05:00Z'), 'Europe/London')).toBe('2026-11-02T09:05');
    expect(timestampText(Date.parse('2026-07-02T08:05:30Z'), 'Europe/London')).toBe('2026-07-02T09:05:30');
  });

  it('adds the offset only where wall-clock time would read back as the other instant', () => {
    // Sun 25 Oct 2026, London: 01:30 happens twice (BST, then GMT); the loader reads the earlier.
    expect(timestampText(Date.parse('2026-10-25T00:30:00Z'), 'Europe/London')).toBe('2026-10-25T01:30');
    expect(timestampText(Date.parse('2026-10-25T01:30:00Z'), 'Europe/London')).toBe('2026-10-25T01:30+00:00');
  });

  it('always reads back as the same instant, in any zone, across daylight-saving changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2020-01-01T00:00:00Z') / 1000, max: Date.parse('2032-01-01T00:00:00Z') / 1000 }), fc.constantFrom(...ZONES), (seconds, zone) => {
        const instant = seconds * 1000;
        const text = timestampText(instant, zone);
        expect(timestampProblem(text)).toBeNull();
        expect(parseTimestamp(text, zone)).toBe(instant);
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts an instant to its minute', () => {
    expect(toMinute(Date.parse('2026-11-02T09:05:59.999Z'))).toBe(Date.parse('2026-11-02T09:05:00Z'));
  });
});
