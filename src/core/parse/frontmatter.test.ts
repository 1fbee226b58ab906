import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
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

describe('parseFrontmatter agrees with gray-matter', () => {
  const samples = [
    '---\ntitle: a\n---\nbody\n',
    '---\r\ntitle: a\r\n---\r\nbody\r\n',
    '\uFEFF---\ntitle: a\n---\n\nbody',
    '---yaml\ntitle: a\n---\nbody',
    '---\ntitle: a\n---',
    '---\n---\nempty frontmatter',
    '---\ntitle: a\n----\nfour dashes close it too',
    '----\nnot frontmatter\n',
    'no frontmatter\n---\nlater\n',
  ];
  it.each(samples)('%j', (text) => {
    const ours = parseFrontmatter(text);
    const theirs = matter(text, {});
    if (!ours.ok) throw new Error(ours.message);
    expect(ours.body).toBe(theirs.content);
    expect(ours.data).toEqual(theirs.data);
  });

  it('on every file of the bundled examples', () => {
    const root = join(import.meta.dirname, '../../../incidents');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      const ours = parseFrontmatter(text);
      if (!ours.ok) throw new Error(`${file}: ${ours.message}`);
      expect(ours.body, file).toBe(matter(text, {}).content);
    }
  });
});
