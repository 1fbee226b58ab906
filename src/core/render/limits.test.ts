import { describe, expect, it } from 'vitest';
import { MAX_DELIMITERS_PER_PARAGRAPH, MAX_HTML_NESTING, markdownLimitProblem } from './limits.ts';

describe('markdownLimitProblem at the edges of its shortcuts', () => {
  it('finds the shortest paragraph over the delimiter limit, and passes one at the limit', () => {
    expect(markdownLimitProblem('_'.repeat(MAX_DELIMITERS_PER_PARAGRAPH + 1))).toMatchObject({ line: 1, message: expect.stringMatching(/^has more than 2000 emphasis/) });
    expect(markdownLimitProblem('_'.repeat(MAX_DELIMITERS_PER_PARAGRAPH))).toBeUndefined();
  });

  it('counts HTML elements left open on lines before, between lines without a tag', () => {
    const open = Array.from({ length: MAX_HTML_NESTING + 1 }, () => '<div>\nplain text');
    expect(markdownLimitProblem(open.join('\n'))).toMatchObject({ line: 2 * MAX_HTML_NESTING + 1 });
    expect(markdownLimitProblem(open.slice(1).join('\n'))).toBeUndefined();
  });
});
