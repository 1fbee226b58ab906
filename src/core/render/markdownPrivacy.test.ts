// What a rendered body must never do for a reader of the public site (issue 9 §1): load an image
// from elsewhere, publish a contact detail hidden in an attribute, or reorder text with bidi controls.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

const hidden = { contactDetails: false };

describe('remote images', () => {
  it.each([
    ['![tracker](https://tracker.example/p.gif?u=42)', 'https://tracker.example/p.gif?u=42', 'image: tracker'],
    ['<img src="https://tracker.example/open.png" alt="logo">', 'https://tracker.example/open.png', 'image: logo'],
    ['see ![](//cdn.example/x.png) here', '//cdn.example/x.png', 'image: //cdn.example/x.png'],
  ])('%j is a link, not an image', (markdown, src, label) => {
    for (const contactDetails of [true, false]) {
      const html = renderMarkdown(markdown, { contactDetails });
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain(`href="${src.replace(/&/g, '&#x26;')}"`);
      expect(html).toContain(`[${label}]`);
    }
  });
});

describe('contact details in raw-HTML attributes', () => {
  it.each([
    '<img alt="Ana ana@client.example" src="https://x.example/a.png">',
    '<abbr title="call 07700 900123">Ana</abbr>',
    '<img src="https://crm.example/card.png?email=ana@client.example">',
    '<a href="https://crm.example/?phone=07700900123" title="ana@client.example">card</a>',
  ])('%j', (markdown) => {
    const html = renderMarkdown(markdown, hidden);
    expect(html).not.toContain('ana@client.example');
    expect(html).not.toMatch(/07700 ?900123/);
  });
});

describe('bidi controls', () => {
  it.each(['Refund \u202Egnp.exe', 'Refund *x* \u2067gnp\u2069.exe'])('are shown, not obeyed: %j', (markdown) => {
    for (const contactDetails of [true, false]) {
      const html = renderMarkdown(markdown, { contactDetails });
      expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(html).toMatch(/\[U\+(202E|2067)\]/);
    }
  });
});
