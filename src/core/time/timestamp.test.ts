import { describe, expect, it } from 'vitest';
import { dateProblem, parseDuration, parseTimeOfDay, parseTimestamp, timestampProblem } from './timestamp.ts';
import { formatDuration } from '../present/duration.ts';

const iso = (t: number) => new Date(t).toISOString();

describe('timestamps (data-format.md)', () => {
  it.each([
    ['2026-11-02T09:05', '2026-11-02T09:05:00.000Z'],
    ['2026-11-02 09:05:30', '2026-11-02T09:05:30.000Z'],
    ['2026-11-02T09:05:00+01:00', '2026-11-02T08:05:00.000Z'],
    ['2026-11-02T09:05Z', '2026-11-02T09:05:00.000Z'],
    ['2026-07-02T09:05', '2026-07-02T08:05:00.000Z'],
  ])('%s in Europe/London is %s', (text, expected) => {
    expect(timestampProblem(text)).toBeNull();
    expect(iso(parseTimestamp(text, 'Europe/London'))).toBe(expected);
  });

  it.each([
    ['2026-11-02', /a date alone is not a timestamp/],
    ['2026-11-02T9:05', /expected a timestamp/],
    ['2024-08-13T015:00:00+02:00', /expected a timestamp/],
    ['2026-02-30T09:00', /not a calendar date/],
    ['2026-11-02T24:00', /not a time of day/],
    ['2026-11-02T09:05+25:00', /not a UTC offset/],
    ['next Tuesday', /expected a timestamp/],
  ])('refuses %s', (text, problem) => {
    expect(timestampProblem(text)).toMatch(problem);
  });

  it('knows leap years', () => {
    expect(dateProblem('2028-02-29')).toBeNull();
    expect(dateProblem('2026-02-29')).toMatch(/not a calendar date/);
    expect(dateProblem('2100-02-29')).toMatch(/not a calendar date/);
  });

  it('reads durations and times of day, and writes durations back', () => {
    expect([parseDuration('30m'), parseDuration('3h'), parseDuration('1h30m')]).toEqual([1_800_000, 10_800_000, 5_400_000]);
    expect([parseDuration('3 hours'), parseDuration(''), parseDuration('1d')]).toEqual([null, null, null]);
    expect([parseTimeOfDay('16:30'), parseTimeOfDay('9:00'), parseTimeOfDay('24:00')]).toEqual([990, null, null]);
    expect([formatDuration(11_700_000), formatDuration(2_700_000), formatDuration(7_200_000)]).toEqual(['3h15m', '45m', '2h']);
  });
});
