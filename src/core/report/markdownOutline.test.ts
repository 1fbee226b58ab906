// The fast block scan must find exactly the headings (level, text, lines) and task items that a
// full CommonMark parse by remark finds: on tricky CommonMark cases, on real postmortems and
// templates, on generated reports and on random documents built from tricky lines.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { missingPrerequisite } from '../../../test/support/prerequisites.ts';
import { scanBlocks } from './blockScanner.ts';
import { outlineMarkdown, outlineWithRemark } from './markdownOutline.ts';

const SHARED = join(import.meta.dirname, '../../../../shared');
const REALDATA = join(SHARED, 'realdata');
const GENERATOR = join(SHARED, 'bench/gen-corpus.mjs');

const headingsOf = (markdown: string) => outlineMarkdown(markdown).headings.map(({ level, text, line }) => ({ level, text, line }));

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md') || !name.includes('.')) out.push(path);
  }
  return out;
}

describe('headings found by the fast scan', () => {
  it('are ATX and setext headings with their level, text and line', () => {
    expect(headingsOf('# One\n\nTwo\n===\n\nThree\n---\n\n###### Six ######\n####### not a heading\n#no space')).toEqual([
      { level: 1, text: 'One', line: 1 },
      { level: 1, text: 'Two', line: 3 },
      { level: 2, text: 'Three', line: 6 },
      { level: 6, text: 'Six', line: 9 },
    ]);
  });

  it('give the text a reader sees: emphasis, code, links, escapes and entities resolved', () => {
    expect(headingsOf('## **Severity**\n## `Root` cause\n## [Impact](https://x.example)\n## Q\\&A &amp; more\n## Timeline \\#')).toEqual([
      { level: 2, text: 'Severity', line: 1 },
      { level: 2, text: 'Root cause', line: 2 },
      { level: 2, text: 'Impact', line: 3 },
      { level: 2, text: 'Q&A & more', line: 4 },
      { level: 2, text: 'Timeline #', line: 5 },
    ]);
  });

  it('tell a setext underline from a thematic break and a list item', () => {
    expect(headingsOf('Para\n---\n\n---\n\n- item\n---\n\nText\n- - -')).toEqual([{ level: 2, text: 'Para', line: 1 }]);
  });

  it('are never inside fenced or indented code, or HTML blocks', () => {
    const markdown = ['```md', '# fenced', '```', '', '~~~~', '# tilde', '```', '~~~~', '', '    # indented', '', '<div>', '# in html', '</div>', '', '<!--', '# commented', '-->', '# after'].join('\n');
    expect(headingsOf(markdown)).toEqual([{ level: 1, text: 'after', line: 19 }]);
  });

  it('are found inside lists and block quotes, and end the code of a list item that closes', () => {
    expect(headingsOf('- # In a list\n\n> ## In a quote\n\n1. item\n\n       code\n   ### In the item\n- ```\n  # fenced\n# outside')).toEqual([
      { level: 1, text: 'In a list', line: 1 },
      { level: 2, text: 'In a quote', line: 3 },
      { level: 3, text: 'In the item', line: 8 },
      { level: 1, text: 'outside', line: 11 },
    ]);
  });

  it('span several lines for a multi-line setext heading, and not for a lazy `===`', () => {
    expect(outlineMarkdown('First line\nsecond *line*\n===').headings).toEqual([{ level: 1, text: 'First line\nsecond line', line: 1, endLine: 3 }]);
    expect(headingsOf('> quoted\n===')).toEqual([]);
  });

  it('agree with remark on tricky CommonMark cases', () => {
    const cases = [
      'Foo\n    ---', 'Foo\n   ----      ', '    Foo\n    ---', 'Foo\n= =', 'Foo\\\n----', '`Foo\n----\n`', '> foo\n-----', '- foo\n-----', '\n====', '---\n---',
      '[foo]: /url\n===', '[foo]: /url\nbar\n===', '# [foo]\n\n[foo]: /url', '#\tTab', '  # two spaces', '    # four', '>\t# tab quote', '-\t# tab item',
      '- a\n - b\n  - c\n   - d\n    - e', '1. a\n\n    # in item', '10) x\n    # y', '- \n  # after empty marker', '-\n\n  # not in item', '* * *\n# x', '<pre>\n# x\n</pre>\n# y',
      '<!-- c -->\n# a', '<?php\n# b\n?>\n# c', '<![CDATA[\n# d\n]]>\n# e', '<custom>\n# f\n\n# g', 'text\n<custom>\n# h', '```\n# unclosed', '> ```\n> # i\n# j',
      '    code\n2. two\n---', '> a\n</foo>\n## b', '- a\n</foo>\n  ## c', 'Line one  \nline two\n---',
    ];
    for (const markdown of cases) expect(outlineMarkdown(markdown), JSON.stringify(markdown)).toEqual(outlineWithRemark(markdown));
  });

  it('agree with remark on random documents of tricky lines', () => {
    const lines = [
      '# a', '## b #', '#c', '   # d', '    # e', 'text', 'para *em*', '===', '---', '***', '- item', '* item', '+ item', '1. one', '2) two', '- [ ] task',
      '- [x] done', '> quote', '> # qh', '>', '```', '~~~', '```js', '````', '    code', '\tcode', '<div>', '</div>', '<!-- c -->', '<!--', '-->', '<pre>', '</pre>',
      '<span>', '<a href="x">', '', '  - nested', '    - deeper', '[a]: /url', '[a]', '- # h', '1. ## h', '>- x', '> > x', ' ---', '= =', '- - -', '\\# no',
      ' \t# x', '-\tfoo', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>', 'a  ', '``` ```', '*   x', '-', '1.', '\t', '-     code?', '  ===', '> ===',
      '      # deep', '## x ##', '### `code` h', '#      ', 'Heading\\', 'x &amp; y', '<!-->', '</foo>', '-    [ ] four', '-\t[ ] tab', '# [a]', '## *a* b',
      '-     [ ] code', '1.\t[x] tab', '  - [x] nested', '> - [ ] quoted',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 25 }), (doc) => {
        const markdown = doc.join('\n');
        expect(outlineMarkdown(markdown)).toEqual(outlineWithRemark(markdown));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('leave a document to remark only when they cannot decide alone', () => {
    expect(scanBlocks('[foo]: /url\nbar\n===').exact).toBe(false);
    expect(scanBlocks('    code\n2. two').exact).toBe(false);
    expect(scanBlocks('# Report\n\n## Severity\n\nHigh').exact).toBe(true);
  });

  it('read CRLF and CR line endings as line endings', () => {
    expect(headingsOf('# One\r\n\r\nTwo\r\n---\r\n# Three\r# Four')).toEqual([
      { level: 1, text: 'One', line: 1 },
      { level: 2, text: 'Two', line: 3 },
      { level: 1, text: 'Three', line: 5 },
      { level: 1, text: 'Four', line: 6 },
    ]);
  });

  it('take time in proportion to the input on hostile documents', () => {
    const n = 50_000;
    const hostile = [
      `# a${' '.repeat(n)}x`,
      `# ${'*a'.repeat(n)}`,
      '- '.repeat(n) + 'x',
      Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
      '>'.repeat(n) + ' # x',
      `[a]: /u\n# [${'*a'.repeat(n)}`,
    ];
    for (const markdown of hostile) {
      const start = performance.now();
      outlineMarkdown(markdown);
      expect(performance.now() - start, markdown.slice(0, 20)).toBeLessThan(2000);
    }
  });
});

describe('task-list items', () => {
  it('are list items opening with [ ] or [x], not inside code', () => {
    expect(outlineMarkdown('- [ ] open one\n* [x] done\n1. [X] done too\n- [ ]\n-  [ ] two spaces\n-     [ ] code\n\n```\n- [ ] fenced\n```').tasks).toEqual([
      { line: 1, done: false, text: 'open one' },
      { line: 2, done: true, text: 'done' },
      { line: 3, done: true, text: 'done too' },
      { line: 5, done: false, text: 'two spaces' },
    ]);
  });
});

describe.skipIf(missingPrerequisite(REALDATA, 'outline on real postmortems and templates'))('outline on real postmortems and templates', () => {
  it('is the same as remark on every document', () => {
    const files = [...markdownFiles(join(REALDATA, 'postmortems')), ...markdownFiles(join(REALDATA, 'templates'))];
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) {
      const markdown = readFileSync(file, 'utf8');
      expect(outlineMarkdown(markdown), file).toEqual(outlineWithRemark(markdown));
    }
  }, 120_000);
});

describe.skipIf(missingPrerequisite(GENERATOR, 'outline on generated reports'))('outline on generated reports', () => {
  const out = mkdtempSync(join(tmpdir(), 'commlog-reports-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is the same as remark on every report of a 300-incident corpus', () => {
    execFileSync(process.execPath, [GENERATOR, '--out', out, '--incidents', '300', '--seed', '7', '--quiet']);
    const reports = readdirSync(join(out, 'incidents'))
      .map((id) => join(out, 'incidents', id, 'report.md'))
      .filter(existsSync);
    expect(reports.length).toBeGreaterThan(200);
    for (const file of reports) {
      const markdown = readFileSync(file, 'utf8');
      expect(outlineMarkdown(markdown), file).toEqual(outlineWithRemark(markdown));
    }
  }, 120_000);
});
