import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlText } from './xml.ts';

// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const XML_CHARS = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('xmlText', () => {
  it('replaces a control character in a title, which made feed.xml malformed', () => {
    expect(xmlText('Checkout\u0008 down\u0000 <again> & "now"')).toBe('Checkout\uFFFD down\uFFFD &lt;again&gt; &amp; &quot;now&quot;');
  });

  it('keeps tabs, newlines, astral characters and replaces lone surrogates', () => {
    expect(xmlText('a\tb\nc 🚀 \uD800x \uDC00')).toBe('a\tb\nc 🚀 \uFFFDx \uFFFD');
  });

  it('gives only XML characters and no markup for any text', () => {
    const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u0008', '\u000B', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '<', '&', '"'), fc.constantFrom('a', ' ', '\t'), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))) });
    fc.assert(
      fc.property(anyText, (text) => {
        const out = xmlText(text);
        expect(out).toMatch(XML_CHARS);
        expect(out).not.toMatch(/[<>"]|&(?!amp;|lt;|gt;|quot;)/);
      }),
      { numRuns: 2000 },
    );
  });
});
