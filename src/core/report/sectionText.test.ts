import { describe, expect, it } from 'vitest';
import { firstWord, hasContent, hasTimeOfDay, sectionWords } from './sectionText.ts';

describe('sectionWords and hasContent', () => {
  it.each([
    ['', 'nothing'],
    ['TBD', 'a placeholder'],
    ['tbd.\nTodo:\n**FIXME**\n(TBD)', 'placeholders in any case, with punctuation and emphasis'],
    ['...\n…', 'ellipses'],
    ['- TBD\n* TODO\n+ FIXME\n1. TBD\n2) …', 'list markers'],
    ['- [ ] TBD\n- [x] TODO', 'task boxes'],
    ['<!-- write the impact here -->', 'an HTML comment'],
    ['<!--\nthe impact\n-->\n<describe the impact>', 'a comment over lines and a fill-in'],
    ['<!-- unclosed comment\nruns to the end', 'an unclosed comment'],
    ['> TBD\n\n| TBD |\n| --- |\n\n---', 'quote, table and rule markup'],
  ])('finds no content in %j (%s)', (markdown) => {
    expect(hasContent(markdown)).toBe(false);
    expect(sectionWords(markdown).content).toEqual([]);
  });

  it.each([
    ['N/A', 'N/A'],
    ['n/a: no customer was affected', 'N/A with an explanation'],
    ['TBD after the vendor replies on Monday', 'a placeholder with words'],
    ['2026-11-02', 'a date'],
    ['See <https://status.example.com/incidents/42>', 'an autolink'],
    ['<b>High</b>', 'text inside HTML tags'],
    ['```\nlog line\n```', 'code'],
  ])('finds content in %j (%s)', (markdown) => {
    expect(hasContent(markdown)).toBe(true);
  });

  it('lists the placeholders as written, for the message', () => {
    expect(sectionWords('- TBD\n- **todo:**\n- [ ] Fixme')).toEqual({ content: [], placeholders: ['TBD', 'todo', 'Fixme'] });
  });
});

describe('firstWord: the report severity', () => {
  it.each([
    ['**High** — checkout failed for everyone', 'High'],
    ['high: checkout failed', 'high'],
    ['- Critical', 'Critical'],
    ['1. _medium_', 'medium'],
    ['- [x] Low', 'Low'],
    ['<!-- critical, high, medium or low -->\nMedium', 'Medium'],
    ['SEV-1', 'SEV'],
    ['Major (high impact)', 'Major'],
  ])('of %j is %j', (markdown, word) => {
    expect(firstWord(markdown)).toBe(word);
  });

  it('is absent when there are no letters', () => {
    expect(firstWord('1 / 4')).toBeUndefined();
  });
});

describe('hasTimeOfDay', () => {
  it.each(['09:05 first reply', '9:05 first reply', '2026-11-02 23:59 resolved', 'at 5:02 PM', '12:30:45 deploy', '`14:00` call'])('finds one in %j', (markdown) => {
    expect(hasTimeOfDay(markdown)).toBe(true);
  });

  it.each(['HH:MM first reply', 'on 2026-11-02', '24:00', '9:5', '123:45', '12:345', '<!-- 09:05 -->'])('finds none in %j', (markdown) => {
    expect(hasTimeOfDay(markdown)).toBe(false);
  });
});
