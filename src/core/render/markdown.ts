// Markdown bodies of incidents, entries and reports to HTML for the site: remark (CommonMark +
// GFM) -> rehype, raw HTML parsed and then sanitised, so nothing from a log entry can run script
// in a reader's browser. Contact details are withheld unless the config publishes them.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { showBidiControls } from '../publish/displayText.ts';
import { markdownLimitProblem } from './limits.ts';
import { isContactLink, mayContainContacts, redactContacts } from './redact.ts';

export interface RenderOptions {
  /** `publish.contact_details`: when false, e-mail addresses and phone numbers are withheld. */
  contactDetails: boolean;
  /** Added to every heading level (a report's `#` becomes `h3` with 2), capped at h6. */
  headingOffset?: number;
}

function withheldContacts() {
  return (tree: HastRoot) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'text') {
        node.value = redactContacts(node.value);
        return;
      }
      if (node.type !== 'element') return;
      if (node.tagName === 'a' && parent && index !== undefined && isContactLink(String(node.properties.href ?? ''))) {
        // Keep the link text (redacted by the visit of its children), drop the target.
        parent.children.splice(index, 1, ...(node.children as ElementContent[]));
        return index;
      }
      // Attributes (alt, title, src, …) are published as much as text is.
      for (const [name, value] of Object.entries(node.properties)) {
        if (typeof value === 'string') node.properties[name] = redactContacts(value);
        else if (Array.isArray(value)) node.properties[name] = value.map((v) => (typeof v === 'string' ? redactContacts(v) : v));
      }
    });
  };
}

/**
 * Images from elsewhere would load for every reader, telling their host who reads what (a
 * tracking pixel in a pasted e-mail): they become links the reader may choose to follow.
 */
function remoteImagesAsLinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = String(node.properties.src ?? '');
      const label = `image: ${String(node.properties.alt ?? '').trim() || src || 'no source'}`;
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: src || undefined, rel: ['nofollow', 'noopener', 'noreferrer'], className: ['remote-image'] },
        children: [{ type: 'text', value: `[${label}]` }],
      };
      parent.children.splice(index, 1, src ? link : { type: 'text', value: `[${label}]` });
    });
  };
}

// A character reference can spell an image tag or a bidi control too: then both passes run.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** Bidi controls in text and attributes shown as visible marks (displayText.ts). */
function visibleBidiControls() {
  return (tree: HastRoot) => {
    visit(tree, (node) => {
      if (node.type === 'text') node.value = showBidiControls(node.value);
      else if (node.type === 'element') {
        for (const [name, value] of Object.entries(node.properties)) if (typeof value === 'string') node.properties[name] = showBidiControls(value);
      }
    });
  };
}

/** The accessible name of the scrolling box around each kind of wide block. */
const SCROLL_BOX_LABEL: Record<string, string> = { table: 'Table', pre: 'Code' };

/**
 * Markup for every reader. Tables and code blocks are as wide as their longest line: each
 * scrolls inside its own box, so the page never widens on a phone, and the box takes keyboard
 * focus so that it can be scrolled without a pointer (axe: scrollable-region-focusable). A task
 * list's checkboxes, which nobody can tick, say what they show (axe: label).
 */
export function readerMarkup() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'input' && node.properties.type === 'checkbox') {
        node.properties.ariaLabel = node.properties.checked ? 'done' : 'not done';
        return;
      }
      const label = SCROLL_BOX_LABEL[node.tagName];
      if (!label || !parent || index === undefined) return;
      const box: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['scroll-box'], tabIndex: 0, role: 'region', ariaLabel: label },
        children: [node],
      };
      parent.children.splice(index, 1, box);
      return 'skip';
    });
  };
}

function shiftedHeadings(offset: number) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      const m = /^h([1-6])$/.exec(node.tagName);
      if (m) node.tagName = `h${Math.min(6, +m[1] + offset)}`;
    });
  };
}

const processors = new Map<string, Processor<any, any, any, any, string>>();

// GFM parsing costs about four times CommonMark's, and raw-HTML parsing more again. Text with
// none of the characters that start a GFM construct (tables, task lists, strikethrough,
// footnotes, literal autolinks) parses the same without the extension, and text without `<`
// has no raw HTML: such text, most log entries, takes the light pipeline. (Its output is also
// truer to CommonMark: the raw-HTML re-parse drops a blank first line of a code block.)
const GFM_TRIGGER = /[|~@]|\[[ xX]\]|\[\^|www\.|https?:/i;
// Of GFM, literal autolinks cost the most to parse (every character is a possible start): a text
// that cannot hold one (nor a footnote) is parsed with tables, task lists and strikethrough only.
const AUTOLINK_OR_FOOTNOTE_TRIGGER = /@|www\.|https?:\/\/|mailto:|xmpp:|\[\^/i;

/** GFM without literal autolinks and footnotes, as remark-gfm adds its parts. */
function gfmWithoutAutolinks(this: Processor<any, any, any, any, any>) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown());
}

interface Features {
  gfm: false | 'full' | 'no-autolinks';
  raw: boolean;
  /** Whether the text may hold contact details to withhold. */
  contacts: boolean;
  /** Whether the text may hold an image (Markdown or raw HTML). */
  images: boolean;
  /** Whether the text holds a bidi control. */
  bidi: boolean;
}

function processor(options: RenderOptions, features: Features): Processor<any, any, any, any, string> {
  const offset = options.headingOffset ?? 0;
  const withhold = !options.contactDetails && features.contacts;
  const key = `${withhold}|${offset}|${features.gfm}|${features.raw}|${features.images}|${features.bidi}`;
  let p = processors.get(key);
  if (!p) {
    const parsed =
      features.gfm === 'full'
        ? unified().use(remarkParse).use(remarkGfm)
        : features.gfm === 'no-autolinks'
          ? unified().use(remarkParse).use(gfmWithoutAutolinks)
          : unified().use(remarkParse);
    const hast = features.raw ? parsed.use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw) : parsed.use(remarkRehype);
    // Images become links before contacts are withheld, so a link made from an image is judged too.
    const sanitised = hast.use(rehypeSanitize, defaultSchema);
    const linked = features.images ? sanitised.use(remoteImagesAsLinks) : sanitised;
    const base = features.bidi ? linked.use(visibleBidiControls) : linked;
    const withContacts = withhold ? base.use(withheldContacts) : base;
    const shifted = offset > 0 ? withContacts.use(shiftedHeadings, offset) : withContacts;
    p = shifted.use(readerMarkup).use(rehypeStringify).freeze() as unknown as Processor<any, any, any, any, string>;
    processors.set(key, p);
  }
  return p;
}

// Plain prose: no character that can start inline syntax, an entity, raw HTML or a GFM construct,
// and no line that can start a block other than a paragraph (lists, headings, quotes, code,
// thematic breaks, setext underlines) or end in a hard break. Such text is paragraphs of literal
// text, rendered here directly, with the same output as the pipeline (tested against it); about
// half of all log entries are written this way. Any line that starts with `-`, `+` or `=` is left
// to the pipeline: it may be a list item, a thematic break (`---`, `- - -`) or a setext underline
// (`---`, `==`) that turns the line above into a heading.
const INLINE_OR_BLOCK_SYNTAX = /[\\`*_[\]<>#|~!&@\r\u0000-\u0008\u000b-\u001f\u007f]|https?:|www\./i;
const NON_PARAGRAPH_LINE = /^(?: {4}|[ ]{0,3}\t|[ \t]*(?:[-+=]|\d+[.)](?:[ \t]|$)))|[ \t]{2,}\n/m;

function isPlainProse(markdown: string): boolean {
  return !INLINE_OR_BLOCK_SYNTAX.test(markdown) && !NON_PARAGRAPH_LINE.test(markdown);
}

function renderPlainProse(markdown: string, redact: (text: string) => string): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const close = () => {
    if (lines.length) paragraphs.push(`<p>${redact(lines.join('\n'))}</p>`);
    lines = [];
  };
  for (const line of markdown.split('\n')) {
    const text = line.replace(/^[ \t]+|[ \t]+$/g, '');
    if (text === '') close();
    else lines.push(text);
  }
  close();
  return paragraphs.join('\n');
}

/**
 * Safe HTML for a Markdown text. A text too large or too deeply nested to render (which `check`
 * reports as a `schema` error), or one the pipeline fails on, becomes a visible placeholder: one
 * entry never takes the site's build down.
 */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const problem = markdownLimitProblem(markdown);
  if (problem) return placeholder(`it ${problem.message.replace(/:.*$/, '')}`);
  if (isPlainProse(markdown)) return renderPlainProse(markdown, options.contactDetails ? showBidiControls : (t) => showBidiControls(redactContacts(t)));
  try {
    return renderThroughPipeline(markdown, options);
  } catch (error) {
    return placeholder(`it could not be rendered (${error instanceof Error ? error.name : 'error'})`);
  }
}

/** Class of the paragraph shown instead of a text that cannot be rendered. */
export const NOT_SHOWN_CLASS = 'markdown-not-shown';

function placeholder(reason: string): string {
  return `<p class="${NOT_SHOWN_CLASS}">This text is not shown: ${escapeHtml(reason)}.</p>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
}

/** The remark -> rehype pipeline itself, without the plain-prose shortcut (exported for tests). */
export function renderThroughPipeline(markdown: string, options: RenderOptions): string {
  const raw = markdown.includes('<');
  // Raw HTML and character references can hide an address: then always withhold through the tree.
  const gfm = !GFM_TRIGGER.test(markdown) ? false : AUTOLINK_OR_FOOTNOTE_TRIGGER.test(markdown) ? 'full' : 'no-autolinks';
  const features: Features = {
    gfm,
    raw,
    contacts: raw || markdown.includes('&') || mayContainContacts(markdown),
    images: markdown.includes('![') || /<img/i.test(markdown) || markdown.includes('&'),
    bidi: BIDI_CONTROL.test(markdown) || markdown.includes('&'),
  };
  return String(processor(options, features).processSync(markdown));
}
