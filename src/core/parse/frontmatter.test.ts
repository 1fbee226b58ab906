import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter.ts';

describe('parseFrontmatter', () => {
  it('returns fields, body and the line of each key', () => {
    const r = parseFrontmatter('---\ntitle: Checkout down\nopened_at: 2026-11-02 09:05\ncommitments:\n  - id: logs\n    due: 2026-11-02T15:00\n---\n\nBody text\n');
    if (!r.ok) throw new Error(r.message);
    expect(r.data.title).toBe('Checkout down');
    // YAML's timestamp typing must not turn a wall-clock time into a UTC Date.
    expect(r.data.opened_at).toBe('2026-11-02 09:05');
    expect(r.lineOf(['title'])).toBe(2);
    expect(r.lineOf(['commitments', 0, 'due'])).toBe(6);
    expect(r.body.trim()).toBe('Body text');
    expect(r.bodyLine).toBe(8);
  });

  it('keeps dates as text, quoted or not', () => {
    const r = parseFrontmatter('---\nholiday: 2026-12-25\nq: "2026-12-26"\n---\n');
    expect(r.ok && r.data).toEqual({ holiday: '2026-12-25', q: '2026-12-26' });
  });

  it('refuses non-YAML frontmatter without running it', () => {
    const marker = globalThis as { pwned?: boolean };
    const r = parseFrontmatter('---js\n{ title: (globalThis.pwned = true) }\n---\nbody');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/YAML frontmatter only/);
    expect(marker.pwned).toBeUndefined();
  });

  it('names the line of a YAML syntax error', () => {
    const r = parseFrontmatter('---\ntitle: ok\nsummary: [unclosed\nauthor: x\n---\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.line).toBeGreaterThanOrEqual(3);
  });

  it('stops alias bombs', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    const r = parseFrontmatter(`---\n${lines.join('\n')}\n---\n`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/alias/i);
  });

  it('reports an unclosed frontmatter and a non-mapping one', () => {
    expect(parseFrontmatter('---\ntitle: x\n').ok).toBe(false);
    const list = parseFrontmatter('---\n- a\n- b\n---\n');
    expect(!list.ok && list.message).toMatch(/key: value/);
  });

  it('treats a file without frontmatter as body only', () => {
    const r = parseFrontmatter('# Report\n\ntext');
    expect(r.ok && r.hasFrontmatter).toBe(false);
  });
});

describe('parseFrontmatter bodies', () => {
  it.each([
    ['---\ntitle: a\n---\nbody\n', 'body\n', 4],
    ['---\r\ntitle: a\r\n---\r\nbody\r\n', 'body\r\n', 4],
    ['\uFEFF---\ntitle: a\n---\n\nbody', '\nbody', 4],
    ['---yaml\ntitle: a\n---\nbody', 'body', 4],
    ['---\ntitle: a\n---', '', 3],
  ])('%j has body %j from line %i', (text, body, line) => {
    const r = parseFrontmatter(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.data).toEqual({ title: 'a' });
    expect([r.body, r.bodyLine]).toEqual([body, line]);
  });

  it('reads an empty frontmatter as no fields', () => {
    const r = parseFrontmatter('---\n---\nempty frontmatter');
    expect(r.ok && [r.hasFrontmatter, r.data, r.body]).toEqual([true, {}, 'empty frontmatter']);
  });

  it('does not take four dashes for frontmatter', () => {
    const r = parseFrontmatter('----\nnot frontmatter\n');
    expect(r.ok && r.hasFrontmatter).toBe(false);
  });
});
