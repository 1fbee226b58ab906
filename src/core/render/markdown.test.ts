import { describe, expect, it } from 'vitest';
import { NOT_SHOWN_CLASS, renderMarkdown, renderThroughPipeline, readerMarkup } from './markdown.ts';
import { EMAIL_WITHHELD, PHONE_WITHHELD, redactContacts } from './redact.ts';

const hidden = { contactDetails: false };
const published = { contactDetails: true };

describe('renderMarkdown', () => {
  it('renders CommonMark and GFM: emphasis, tables, task lists', () => {
    const html = renderMarkdown('**bold** text\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [ ] open\n- [x] done\n', hidden);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*disabled/);
    expect(html).toMatch(/<input[^>]*checked/);
    expect(html.match(/<input[^>]*aria-label="(done|not done)"/g)?.map((m) => /"(done|not done)"/.exec(m)![1])).toEqual(['not done', 'done']);
  });

  it('puts each table and code block in its own focusable scrolling box (issue 13: a table widened a phone page to 625 px)', () => {
    const html = renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n```\nlong line\n```\n\n<table><tr><td>raw</td></tr></table>\n', hidden);
    expect(html.match(/<div class="scroll-box" tabindex="0" role="region" aria-label="Table"><table>/g)).toHaveLength(2);
    expect(html).toContain('<div class="scroll-box" tabindex="0" role="region" aria-label="Code"><pre><code>long line');
  });

  it('keeps harmless inline HTML but never script, event handlers or javascript: links', () => {
    const hostile = [
      'Hello <b>there</b>',
      '<script>alert(1)</script>',
      '<img src="x" onerror="alert(2)">',
      '<a href="javascript:alert(3)">click</a>',
      '[md link](javascript:alert(4))',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload="alert(5)"><circle/></svg>',
      '<div style="background:url(javascript:alert(6))">styled</div>',
    ].join('\n\n');
    const html = renderMarkdown(hostile, hidden);
    expect(html).toContain('<b>there</b>');
    expect(html).not.toMatch(/<script|<iframe|<svg|onerror|onload|javascript:|style=/i);
    expect(html).toContain('click');
  });

  it('withholds e-mail addresses and phone numbers unless contact details are published', () => {
    const text = 'Call Jo on +44 20 7946 0123 or write to [jo](mailto:jo@acme.example), jo@acme.example.';
    const html = renderMarkdown(text, hidden);
    expect(html).not.toContain('jo@acme.example');
    expect(html).not.toContain('7946');
    expect(html).not.toContain('mailto:');
    expect(html).toContain(PHONE_WITHHELD);
    const open = renderMarkdown(text, published);
    expect(open).toContain('jo@acme.example');
    expect(open).toContain('+44 20 7946 0123');
  });

  it('shifts heading levels so a report nests under the page heading', () => {
    expect(renderMarkdown('# Report\n\n## Severity', { ...hidden, headingOffset: 2 })).toMatch(/<h3>Report<\/h3>\s*<h4>Severity<\/h4>/);
  });
});

describe('redactContacts', () => {
  it.each([
    ['mail Ana.Ruiz+ops@sub.client.example now', `mail ${EMAIL_WITHHELD} now`],
    ['phone (555) 123-4567', `phone ${PHONE_WITHHELD}`],
    ['tel 020 7946 0958.', `tel ${PHONE_WITHHELD}.`],
  ])('withholds contacts in %j', (input, expected) => {
    expect(redactContacts(input)).toBe(expected);
  });

  it.each([
    'opened 2026-11-02 09:05 and fixed 2026-11-03T10:15',
    'incident 2026-11-02-acme-checkout-500 is related',
    'we saw 500 errors for 45 minutes, 3 of 12 nodes, version 1.4.2',
    'on 2026-11-02, 14:00 to 16:30',
  ])('leaves ordinary text alone: %j', (input) => {
    expect(redactContacts(input)).toBe(input);
  });
});

/** The whole remark → rehype pipeline, without shortcuts: what the renderer must agree with. */
const fullPipeline = async () => {
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkGfm = (await import('remark-gfm')).default;
  const remarkRehype = (await import('remark-rehype')).default;
  const rehypeRaw = (await import('rehype-raw')).default;
  const rehypeSanitize = (await import('rehype-sanitize')).default;
  const rehypeStringify = (await import('rehype-stringify')).default;
  return unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSanitize).use(readerMarkup).use(rehypeStringify);
};

describe('renderMarkdown pipelines', () => {
  it('renders text without GFM or HTML triggers exactly as the full pipeline would', async () => {
    const full = await fullPipeline();
    const text = '# Title\n\nSome *emphasis*, `code`, a [link](/x) and\n\n> a quote\n\n1. one\n2. two\n\n```js\nlet a = 1;\n```\n';
    expect(renderMarkdown(text, { contactDetails: true })).toBe(String(full.processSync(text)));
  });

  it('still renders GFM and strips HTML when the triggers are present', () => {
    expect(renderMarkdown('~~gone~~ and www.example.com', hidden)).toMatch(/<del>gone<\/del>.*<a href="http:\/\/www\.example\.com">/);
    expect(renderMarkdown('a <script>x()</script> b', hidden)).not.toContain('<script');
  });
});

describe('contact details hidden in markup', () => {
  it('withholds addresses written as entities or inside HTML', () => {
    for (const text of ['write to jo&#64;acme.example', 'or <a href="mailto:jo@acme.example">Jo</a>']) {
      const html = renderMarkdown(text, { contactDetails: false });
      expect(html).not.toContain('jo@acme.example');
      expect(html).not.toContain('mailto');
    }
  });
});

describe('plain prose', () => {

  it('renders any text as the pipeline does: the plain-prose shortcut changes nothing', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom('word', 'Ünïcode', '2026', '09:05', ' ', '  ', '\t', '\n', '\n\n', ' \n', '.', ',', '-', '+', '=', '*', '#', '>', '1.', '2)', '"', "'", '(', ')', '?', ':', ';', '/', '%', '$', '\u00a0', '    ', '```', '[', '<b>', '&amp;', '_', '|', '~', '@x.example', 'http://a.example', '+44 20 7946 0123');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const contactDetails of [true, false]) {
          expect(renderMarkdown(text, { contactDetails })).toBe(renderThroughPipeline(text, { contactDetails }));
        }
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  // Counterexamples the property above has found: each stays as a named example.
  it.each([
    ['a setext level-2 underline', 'Title\n---'],
    ['a setext level-1 underline after trailing spaces', 'word \n=='],
    ['a thematic break', '---'],
    ['a spaced thematic break', 'a\n\n- - -\n\nb'],
    ['a list item with a plus', '+ one'],
  ])('leaves %s to the pipeline', (_name, text) => {
    for (const contactDetails of [true, false]) {
      expect(renderMarkdown(text, { contactDetails })).toBe(renderThroughPipeline(text, { contactDetails }));
    }
  });

  it('renders plain prose as the full GFM and raw-HTML pipeline does', async () => {
    const full = await fullPipeline();
    const text = '  First line of a paragraph,\nsecond line 09:05 (see 2026-11-02).\t\n\n\n Next "quoted" paragraph; 3 of 12 nodes.\n';
    expect(renderMarkdown(text, { contactDetails: true })).toBe(String(full.processSync(text)));
  });

  it('withholds phone numbers in plain prose too', () => {
    expect(renderMarkdown('Call 020 7946 0958 today.\n\nThanks', { contactDetails: false })).toBe(`<p>Call ${PHONE_WITHHELD} today.</p>\n<p>Thanks</p>`);
  });
});

describe('GFM without literal autolinks', () => {
  it('renders tables, task lists and strikethrough as full GFM does when no autolink can occur', async () => {
    const fc = (await import('fast-check')).default;
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const remarkGfm = (await import('remark-gfm')).default;
    const remarkRehype = (await import('remark-rehype')).default;
    const rehypeSanitize = (await import('rehype-sanitize')).default;
    const rehypeStringify = (await import('rehype-stringify')).default;
    const full = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(readerMarkup).use(rehypeStringify);
    // (With contact details published, so that addresses in the pieces stay as GFM renders them.)
    const piece = fc.constantFrom('word', ' ', '\n', '\n\n', '| a | b |\n| - | - |\n| 1 | 2 |\n', '- [ ] open\n', '- [x] done\n', '~~gone~~', '~one~', '*em*', '**strong**', '# Heading\n', '1. item\n', '`code`', '[link](/x)', '.', ',', '|', '~', '[ ]', '-', '09:05', ' 10:15:30', 'http:/', 'www', 'www.x.example', 'https://x.example/a', 'mailto:', 'x@y.example', '[^1]', '[^1]: note\n', 'WWW.X.EXAMPLE', 'HTTP://X.EXAMPLE');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(renderMarkdown(text, { contactDetails: true })).toBe(String(full.processSync(text)));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('Markdown too large or too deeply nested to render', () => {
  it.each([
    ['10,000 nested quotes', `${'>'.repeat(10_000)} deep`, /nests quotes or lists 10000 levels deep/],
    ['20,000 nested divs', `${'<div>'.repeat(20_000)}x`, /nests HTML elements more than 100 deep/],
    ['a 1 MB nested list', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n'), /characters long, over the limit/],
    ['200 KB of [', '['.repeat(200_000), /more than 2000 emphasis or link characters/],
    ['90,000 characters of *a_', '*a_'.repeat(30_000), /more than 2000 emphasis or link characters/],
  ])('renders %s as a visible placeholder, quickly, instead of failing', (_name, text, reason) => {
    const started = performance.now();
    const html = renderMarkdown(text, hidden);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(html).toMatch(new RegExp(`^<p class="${NOT_SHOWN_CLASS}">This text is not shown: it `));
    expect(html).toMatch(reason);
  });

  it('renders nesting within the limits as usual', () => {
    expect(renderMarkdown(`${'> '.repeat(20)}quoted`, hidden)).toContain('quoted</p>');
    expect(renderMarkdown(`${'<div>'.repeat(50)}x${'</div>'.repeat(50)}`, hidden)).toContain('<div>x</div>');
  });
});
