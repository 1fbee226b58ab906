import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUIRED_HEADINGS } from '../config/config.ts';
import { headingKey, headingMatchers } from './headingMatch.ts';

const matches = (written: string, required: string) => headingKey(written) === headingKey(required);

describe('headingKey: when a written heading matches a required one', () => {
  it.each([
    ['Suspected Root Cause', 'Suspected root cause', 'case'],
    ['  Severity  ', 'Severity', 'surrounding whitespace'],
    ['Severity:', 'Severity', 'a trailing colon'],
    ['Severity :', 'Severity', 'a trailing colon after a space'],
    ['Timeline   of\tresponse', 'Timeline of response', 'runs of whitespace'],
    ['Exposure & impacts', 'Exposure / impacts', '& for /'],
    ['Exposure&impacts', 'Exposure / impacts', '& without spaces'],
    ['Exposure/impacts', 'Exposure / impacts', '/ without spaces'],
    ['Exposure and impacts', 'Exposure / impacts', 'the word and'],
    ['EXPOSURE AND IMPACTS:', 'Exposure & impacts', 'all of them at once'],
    ['Mitigation steps\n/ prevention in future', 'Mitigation steps / prevention in future', 'a heading text over two lines'],
  ])('"%s" matches "%s" (%s)', (written, required) => {
    expect(matches(written, required)).toBe(true);
  });

  it.each([
    ['Severity & Impact', 'Severity'],
    ['Resolution and recovery', 'Resolution'],
    ['Root cause analysis', 'Root cause'],
    ['Impactsand', 'Impacts'],
    ['Brand impacts', 'Exposure / impacts'],
    ['Severity::', 'Severity'],
  ])('"%s" does not match "%s"', (written, required) => {
    expect(matches(written, required)).toBe(false);
  });

  it('keeps "and" inside a word ("bandwidth", "Android")', () => {
    expect(headingKey('Android bandwidth')).toBe('android bandwidth');
  });
});

describe('headingMatchers', () => {
  it('accept every default heading by its name and each alias, and give each its role', () => {
    const matchers = headingMatchers(DEFAULT_REQUIRED_HEADINGS);
    expect(matchers.map((m) => m.role)).toEqual(['date', 'reporter', 'severity', 'timeline', 'exposure', 'rootCause', 'resolution', 'mitigation']);
    expect([...matchers[4].keys]).toEqual(['exposure & impacts', 'exposure', 'impact', 'impacts']);
  });

  it("give a team's own heading the role of the default it shares a name or alias with", () => {
    const matchers = headingMatchers([
      { name: 'Timeline', aliases: [] },
      { name: 'Customer impact', aliases: ['Impact'] },
      { name: 'Lessons learned', aliases: [] },
    ]);
    expect(matchers.map((m) => m.role)).toEqual(['timeline', 'exposure', undefined]);
  });
});
