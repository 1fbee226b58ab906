// markdownText and markdownCode against a full GFM renderer (remark-gfm with literal autolinks,
// raw HTML parsed as HTML): hostile text must come out as the same text and nothing else.
import fc from 'fast-check';
import type { Element, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText, INVISIBLE_BREAK } from './markdownText.ts';

const pipeline = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

function render(markdown: string): Root {
  return pipeline.runSync(pipeline.parse(markdown)) as Root;
}

function elements(node: Root | RootContent, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, out);
  return out;
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** The text as GitHub shows it: white space collapsed; mentions, references and bare links broken. */
function shown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/:\/\//g, `${INVISIBLE_BREAK}://`)
    .replace(/(www)\./gi, `$1${INVISIBLE_BREAK}.`)
    .replace(/@/g, `@${INVISIBLE_BREAK}`)
    .replace(/#(?=\d)/g, `#${INVISIBLE_BREAK}`);
}

/** GitHub's mentions (`@user`, `@org/team`) and issue references (`#12`) in rendered text. */
const LIVE_REFERENCE = /(?:^|[^\w`])@[a-z0-9]|#\d/i;

/** One table with the text in a cell of each row; the cells' texts in reading order. */
function tableCells(cell: string): { tags: string[]; rows: string[][] } {
  const tree = render(`| a | ${cell} | b |\n| --- | --- | --- |\n| ${cell} | c | d |\n`);
  const all = elements(tree);
  const rows = all.filter((e) => e.tagName === 'tr').map((tr) => elements(tr).filter((e) => e.tagName === 'td' || e.tagName === 'th').map(textOf));
  return { tags: [...new Set(all.map((e) => e.tagName))].sort(), rows };
}

const HOSTILE = [
  '[click](https://evil.example)',
  '![pixel](https://tracker.example/p.gif)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="https://evil.example">x</a>',
  '<details open>',
  '@acme/security-team please look',
  'cc @octocat',
  'fixes #12 and acme/web#34',
  '**bold** *em* _em_ ~~gone~~ `code`',
  'https://evil.example/path?q=1',
  'visit www.evil.example now',
  'mail ana@client.example',
  '<https://evil.example>',
  'a | b | c',
  'line one\nline two\r\n\n| --- |',
  '&lt;b&gt; &amp; &#64;octocat &#x40;x',
  'price $x^2$ and $$y$$',
  '[^1] footnote\n\n[^1]: https://evil.example',
  '\\*not em\\* \\',
  '[ref][1]\n\n[1]: https://evil.example',
];

describe('markdownText', () => {
  it.each(HOSTILE)('shows %j as text in a table cell, with nothing live', (input) => {
    const { tags, rows } = tableCells(markdownText(input));
    expect(tags).toEqual(['table', 'tbody', 'td', 'th', 'thead', 'tr']);
    expect(rows).toEqual([
      ['a', shown(input), 'b'],
      [shown(input), 'c', 'd'],
    ]);
    expect(rows.flat().join(' ')).not.toMatch(LIVE_REFERENCE);
  });

  it('shows text within a line as the same text, in one paragraph', () => {
    for (const input of HOSTILE) {
      const tree = render(`**Title:** ${markdownText(input)} (for the record)`);
      expect(elements(tree).map((e) => e.tagName), input).toEqual(['p', 'strong']);
      expect(textOf(tree), input).toBe(`Title: ${shown(input)} (for the record)`);
    }
  });

  it('breaks mentions, references and bare links with an invisible joiner rather than dropping anything', () => {
    expect(markdownText('@acme/team')).toBe(`@${INVISIBLE_BREAK}acme/team`);
    expect(markdownText('#42')).toBe(`#${INVISIBLE_BREAK}42`);
    expect(markdownText('$5')).toBe('&#36;5');
    expect(markdownText('https://x.example')).toBe(`https${INVISIBLE_BREAK}://x.example`);
  });

  it('leaves plain prose as it is', () => {
    expect(markdownText('Checkout returns 500 (since 09:05), see the status page.')).toBe('Checkout returns 500 (since 09:05), see the status page.');
  });

  it('shows any text as itself, in its own cell, with nothing live (property, fixed seed)', () => {
    const token = fc.constantFrom(...'@#[]()!*_`~|<>&;\\$:/.=-+^"\' \n\t'.split(''), 'http', 'www', 'org', '12', 'a', 'img', 'amp', '#x41', ':smile:');
    const text = fc.oneof(
      fc.array(token, { maxLength: 30 }).map((parts) => parts.join('')),
      fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\0')),
    );
    fc.assert(
      fc.property(text, (input) => {
        const { tags, rows } = tableCells(markdownText(input));
        expect(tags).toEqual(['table', 'tbody', 'td', 'th', 'thead', 'tr']);
        expect(rows).toEqual([
          ['a', shown(input), 'b'],
          [shown(input), 'c', 'd'],
        ]);
        expect(rows.flat().join(' ')).not.toMatch(LIVE_REFERENCE);
      }),
      { numRuns: 400 },
    );
  });
});

describe('markdownCode', () => {
  const samples = ['2026-11-02-acme-checkout-500', 'a`b', '``x', 'y`', 'incidents/a|b/log/x.md', '<b>@team</b> [x](y)', 'two\nlines', '\\'];

  it('shows text with a backslash before a pipe as plain text in a table cell (counterexample)', () => {
    const cells = elements(render(`| a | b |\n| --- | --- |\n| ${markdownCode('\\|`', { inTable: true })} | z |\n`)).filter((e) => e.tagName === 'td');
    expect(cells.map(textOf)).toEqual(['\\|`', 'z']);
  });

  it.each(samples)('shows %j as one code span in a line', (input) => {
    const tree = render(`#### ${markdownCode(input)} (open)`);
    const codes = elements(tree).filter((e) => e.tagName === 'code');
    expect(elements(tree).map((e) => e.tagName)).toEqual(['h4', 'code']);
    expect(codes.map(textOf)).toEqual([input.replace(/\s+/g, ' ')]);
  });

  it.each(samples)('shows %j as one code span in a table cell', (input) => {
    const tree = render(`| where | what |\n| --- | --- |\n| ${markdownCode(input, { inTable: true })} | x |\n`);
    const cells = elements(tree).filter((e) => e.tagName === 'td');
    expect(cells.map(textOf)).toEqual([input.replace(/\s+/g, ' '), 'x']);
    expect(elements(cells[0]).filter((e) => e.tagName === 'code')).toHaveLength(1);
  });

  it('shows any text as one code span (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', '|', ' ', '\\', 'a', '<', '@', '\n'), minLength: 1, maxLength: 20 }), (input) => {
        const expected = input.replace(/\s+/g, ' ').trim();
        const inline = elements(render(`x ${markdownCode(input)} y`));
        const cell = elements(render(`| a | b |\n| --- | --- |\n| ${markdownCode(input, { inTable: true })} | z |\n`)).filter((e) => e.tagName === 'td');
        if (expected === '') {
          expect(markdownCode(input)).toBe('');
          return;
        }
        expect(inline.filter((e) => e.tagName === 'code').map(textOf)).toEqual([expected]);
        // A table's code span cannot hold `\|`: such text comes out as plain, inert text.
        expect(cell.map(textOf)).toEqual([expected.includes('\\|') ? shown(expected) : expected, 'z']);
      }),
      { numRuns: 300 },
    );
  });
});
