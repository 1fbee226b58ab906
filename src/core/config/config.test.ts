import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_REQUIRED_HEADINGS, parseConfig as parseConfigFile, policyOf } from './config.ts';

const HOUR = 3_600_000;

/** The config's settings with the policy of an incident of a client it has no entry for. */
function parseConfig(text: string | undefined) {
  const config = parseConfigFile(text);
  return { ...config, ...policyOf(config, { client: 'any client', openedAt: 0 }).policy };
}

describe('commlog.config.yaml', () => {
  it('has the defaults of data-format.md when absent or empty', () => {
    for (const config of [parseConfig(undefined), parseConfig(''), parseConfig('# nothing set\n')]) {
      expect(config.timezone).toBe('UTC');
      expect(config.businessHours).toMatchObject({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: 540, end: 1050, breaks: [] });
      expect(config.businessHours.byWeekday.fri).toEqual({ start: 540, end: 1050, breaks: [] });
      expect(config.priorities.urgent).toEqual({ maxGap: 3 * HOUR, windows: ['end-of-day'], weekly: false, clock: 'business', acknowledgeWithin: HOUR / 2, pausable: false });
      expect(config.priorities.high.windows).toEqual(['morning', 'lunchtime', 'end-of-day']);
      expect(config.priorities.low).toMatchObject({ maxGap: null, windows: [], weekly: true });
      expect(config.windows['end-of-day']).toEqual({ name: 'end-of-day', from: 840, to: 990 });
      expect(config.pmCcChannels).toEqual(['email']);
      expect(config.requiredHeadings).toEqual(DEFAULT_REQUIRED_HEADINGS);
      expect(config.publish.contactDetails).toBe(false);
    }
  });

  it('merges mappings key by key and replaces lists', () => {
    const config = parseConfig(`
business_hours: { end: "18:00" }
windows:
  evening: { from: "17:00", to: "18:00" }
priorities:
  urgent: { max_gap: 1h }
  high: { windows: [end-of-day, evening] }
holidays: [2026-12-25]
pm_cc_channels: [email, chat]
`);
    expect(config.businessHours).toMatchObject({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: 540, end: 1080 });
    expect(Object.keys(config.windows)).toEqual(['morning', 'lunchtime', 'end-of-day', 'evening']);
    expect(config.priorities.urgent).toMatchObject({ maxGap: HOUR, windows: ['end-of-day'] });
    expect(config.priorities.high.windows).toEqual(['end-of-day', 'evening']);
    expect(config.holidays).toEqual(['2026-12-25']);
    expect(config.pmCcChannels).toEqual(['email', 'chat']);
  });

  it('drops a default of a priority set empty, and lets a priority choose its clock', () => {
    const config = parseConfig(`
clock: business
priorities:
  urgent: { max_gap: null, windows: [], clock: always, acknowledge_within: 15m }
  low: { weekly: false }
`);
    expect(config.priorities.urgent).toEqual({ maxGap: null, windows: [], weekly: false, clock: 'always', acknowledgeWithin: HOUR / 4, pausable: false });
    expect(config.priorities.low.weekly).toBe(false);
    expect(config.priorities.high.clock).toBe('business');
  });

  it('flattens categories given as groups, and accepts enumerations in any case', () => {
    const config = parseConfig('categories:\n  access: [login, sso]\n  billing: [invoice]\nclock: Always\nbusiness_hours: { days: [Mon, TUE] }\n');
    expect(config.categories).toEqual(['login', 'sso', 'invoice']);
    expect(config.categoryGroups).toEqual({ login: 'access', sso: 'access', invoice: 'billing' });
    expect(config.priorities.medium.clock).toBe('always');
    expect(config.businessHours.days).toEqual(['mon', 'tue']);
  });

  it.each([
    ['holidays: [25/12/2026]\n', /:1: holidays\[0\]: expected a date YYYY-MM-DD/],
    ['business_hours: { start: "18:00", end: "09:00" }\n', /start \(18:00\) must be before end \(09:00\)/],
    ['windows:\n  late: { from: "17:00", to: "16:00" }\n', /windows\.late/],
    ['priorities:\n  critical: { max_gap: 1h }\n', /priorities/],
    ['publish: { contact_details: yes please }\n', /publish\.contact_details: expected boolean, received string/],
  ])('refuses %j naming the key', (text, message) => {
    expect(() => parseConfig(text)).toThrow(ConfigError);
    expect(() => parseConfig(text)).toThrow(message);
  });
  it('has the phrases of quality.md by default, and a list replaces them', () => {
    const config = parseConfig(undefined);
    expect(config.avoidedPhrases).toHaveLength(10);
    expect(config.avoidedPhrases[0]).toEqual({ phrase: "can't reproduce", suggest: 'say what you tried and offer a screenshare' });
    expect(config.avoidedPhrases.map((a) => a.phrase)).toContain('calm down');
    expect(config.blamePhrases).toEqual(['human error', 'at fault', 'to blame', 'blamed', 'careless*', 'negligen*', 'should have known', 'failed to follow']);
    const replaced = parseConfig('wording:\n  avoid: [{ phrase: ASAP, suggest: give a time }]\nreport:\n  blame_phrases: [oversight]\n');
    expect(replaced.avoidedPhrases).toEqual([{ phrase: 'ASAP', suggest: 'give a time' }]);
    expect(replaced.blamePhrases).toEqual(['oversight']);
    // report: merges key by key, so the required headings stay.
    expect(replaced.requiredHeadings).toEqual(DEFAULT_REQUIRED_HEADINGS);
  });

  it('names the key of a bad phrase', () => {
    expect(() => parseConfig('wording:\n  avoid: [{ phrase: ASAP }]\n')).toThrow(/wording\.avoid(\[0\]|\.0)\.suggest/);
    expect(() => parseConfig('report:\n  blame_phrases: ["..."]\n')).toThrow(/report\.blame_phrases(\[0\]|\.0): a phrase needs a letter or digit/);
  });
});
