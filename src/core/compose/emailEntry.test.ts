import { describe, expect, it } from 'vitest';
import { codeSpan, isStaffAddress, markdownInline } from './emailEntry.ts';
import { markdownFile, MAX_FIELD_TEXT } from './markdownFile.ts';
import { replyText } from './replyText.ts';

describe('isStaffAddress', () => {
  const staff = ['fieldstone.example'];
  it.each([
    ['dana.okafor@fieldstone.example', true],
    ['dana@eu.fieldstone.example', true],
    ['Dana@FIELDSTONE.example', true],
    ['dana@evil.example@fieldstone.example', false],
    ['"dana@fieldstone.example"@evil.example', false],
    ['dana@notfieldstone.example', false],
    ['dana@fieldstone.example.evil.example', false],
    ['Dana <dana@fieldstone.example>', false],
    ['fieldstone.example', false],
  ])('%s: %s', (address, expected) => {
    expect(isStaffAddress(address, staff)).toBe(expected);
  });
});

describe('text from a mail written into Markdown', () => {
  it('escapes every character that could start a link, an image, HTML or emphasis', () => {
    expect(markdownInline('![x](https://t.example/p.gif) <img src=x> *a* _b_ `c` &amp;\nline')).toBe(
      '\\!\\[x\\]\\(https://t.example/p.gif\\) \\<img src=x\\> \\*a\\* \\_b\\_ \\`c\\` \\&amp; line',
    );
  });
  it('fences a code span longer than any backtick run inside', () => {
    expect(codeSpan('<a@b>')).toBe('`<a@b>`');
    expect(codeSpan('<a``b@c>')).toBe('```<a``b@c>```');
    expect(codeSpan('`x')).toBe('`` `x ``');
  });
});

describe('markdownFile', () => {
  it('refuses a field too long for a log file with a clear message, instead of overflowing the stack', () => {
    expect(() => markdownFile({ verbatim: 'x'.repeat(MAX_FIELD_TEXT + 1) }, '')).toThrow(/field "verbatim" is 1000001 characters long/);
    expect(markdownFile({ verbatim: 'x'.repeat(MAX_FIELD_TEXT) }, '')).toMatch(/^---\nverbatim: x{1000000}\n---\n$/);
  });
});

describe('replyText', () => {
  it('keeps what the client wrote after a quote and drops only the quoted lines', () => {
    expect(replyText('On Thu, 19 Nov 2026 at 09:12, Hannah <h@f.example> wrote:\n> Stopped?\n\nYes.\n\n> And the rows?\n212.')).toBe('Yes.\n\n212.');
  });
  it('takes text the log already holds for history, wherever it is', () => {
    const log = ['> Please restart the run after the export of November'];
    expect(replyText('Done.\n\nPlease restart the run after the export of November', { earlierTexts: log })).toBe('Done.');
    expect(replyText('Done.\n\nPlease restart the run after the export of November')).toBe('Done.\n\nPlease restart the run after the export of November');
  });
  it('takes shorter fragments for history when they come from the entry the mail answers', () => {
    const text = 'Stopped.\n\n> Is the run\nOK now?';
    expect(replyText(text, { earlierTexts: ['Is the run OK now?'] })).toBe('Stopped.\n\nOK now?');
    expect(replyText(text, { answeredTexts: ['Is the run OK now?'] })).toBe('Stopped.');
  });
  it('never drops a whole reply that only quotes the log', () => {
    expect(replyText('Please restart the run after the export of November', { earlierTexts: ['Please restart the run after the export of November'] })).toBe(
      'Please restart the run after the export of November',
    );
  });
});
