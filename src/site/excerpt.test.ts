import { describe, expect, it } from 'vitest';
import { markdownText, plainExcerpt } from './excerpt.ts';

describe('markdownText', () => {
  it('keeps the words of links, drops tags and syntax', () => {
    expect(markdownText('# Title\n\nSee [the *status* page](https://x.example) and <b>bold</b> ![chart](c.png)')).toBe('Title See the status page and bold chart');
  });

  it.each([
    ['200 KB of [', '['.repeat(200_000)],
    ['200 KB of <', '<'.repeat(200_000)],
    ['200 KB of [a](', '[a]('.repeat(50_000)],
    ['200 KB of ![', '!['.repeat(100_000)],
    ['200 KB of newlines', '\n'.repeat(200_000)],
    ['200 KB of ```', '```x'.repeat(50_000)],
  ])('takes linear time on %s', (_name, text) => {
    const started = performance.now();
    markdownText(text);
    plainExcerpt(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('plainExcerpt', () => {
  it('drops list markers and task boxes, and cuts at a word', () => {
    expect(plainExcerpt('- [ ] first task\n- second item\n1. third', 20)).toBe('first task second…');
  });
});
