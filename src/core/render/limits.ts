// How large and how deeply nested a Markdown text may be. The Markdown and HTML parsers recurse
// and rescan per nesting level: 10,000 nested `>` or 20,000 nested `<div>` overflowed the stack
// and took the whole site build down, and a list nested 300 deep took 6 s to render. One linear
// pass over the text finds such a text before any parser sees it, so `check` can name the line
// and the site can show a placeholder.

/** Characters of one Markdown text (an entry's body, an incident's, a report's). */
export const MAX_MARKDOWN_CHARS = 256 * 1024;
/** Block containers (quotes and list items) open at one line. */
export const MAX_BLOCK_NESTING = 50;
/** Raw HTML elements open at one point. */
export const MAX_HTML_NESTING = 100;
/**
 * Emphasis and link delimiters (`*`, `_`, `[`, `]`) in one paragraph: the parser pairs them in
 * time quadratic in their number (25,000 characters of `*a` took 10 s; 2,000 take 0.2 s).
 */
export const MAX_DELIMITERS_PER_PARAGRAPH = 2000;

export interface MarkdownLimitProblem {
  /** 1-based line in the text. */
  line: number;
  /** What is wrong and what to do, to follow "The Markdown text …". */
  message: string;
}

// Elements that never hold content, so never count as open.
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(\/?)>/g;
const FENCE = /^[ \t>]*(?:[-+*][ \t]+|\d{1,9}[.)][ \t]+)*(`{3,}|~{3,})/;

/** The first limit a Markdown text goes over, or undefined when it is within all of them. */
export function markdownLimitProblem(markdown: string): MarkdownLimitProblem | undefined {
  if (markdown.length > MAX_MARKDOWN_CHARS) {
    return { line: 1, message: `is ${markdown.length.toLocaleString('en')} characters long, over the limit of ${MAX_MARKDOWN_CHARS.toLocaleString('en')}: move long logs or pasted data to an attachment and link to it` };
  }
  let line = 0;
  let fence: string | undefined;
  let htmlDepth = 0;
  let delimiters = 0;
  // A paragraph over the delimiter limit needs a text longer than the limit: most are shorter.
  const mayHaveTooManyDelimiters = markdown.length > MAX_DELIMITERS_PER_PARAGRAPH;
  for (const text of markdown.split('\n')) {
    line++;
    const opening = FENCE.exec(text)?.[1];
    if (fence !== undefined) {
      // Inside a fenced code block nothing nests; a fence of the same kind and length closes it.
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      continue;
    }
    if (opening) fence = opening;
    const depth = blockDepth(text);
    if (depth > MAX_BLOCK_NESTING) {
      return { line, message: `nests quotes or lists ${depth} levels deep at this line, over the limit of ${MAX_BLOCK_NESTING}: flatten the quoting or the list` };
    }
    if (mayHaveTooManyDelimiters) {
      // A blank line, a list item, a quote or a heading starts a new paragraph.
      if (depth > 0 || /^[ \t]*(?:#|$)/.test(text)) delimiters = 0;
      delimiters += countDelimiters(text);
      if (delimiters > MAX_DELIMITERS_PER_PARAGRAPH) {
        return { line, message: `has more than ${MAX_DELIMITERS_PER_PARAGRAPH} emphasis or link characters (* _ [ ]) in one paragraph at this line: split the paragraph, or put the text in a code block` };
      }
    }
    // matchAll copies the expression on every call: only lines that can hold a tag pay for it.
    if (!text.includes('<')) continue;
    for (const tag of text.matchAll(TAG)) {
      const [, closing, name, selfClosing] = tag;
      if (VOID_ELEMENTS.has(name.toLowerCase()) || selfClosing) continue;
      htmlDepth = closing ? Math.max(0, htmlDepth - 1) : htmlDepth + 1;
      if (htmlDepth > MAX_HTML_NESTING) {
        return { line, message: `nests HTML elements more than ${MAX_HTML_NESTING} deep at this line: close the elements, or write the text without HTML` };
      }
    }
  }
  return undefined;
}

function countDelimiters(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 42 || c === 95 || c === 91 || c === 93) n++; // * _ [ ]
  }
  return n;
}

/**
 * How many quotes and list items a line may be nested in: its container markers (`>`, `-`,
 * `1.` …), plus, on a line with a marker, one level per two columns of indentation before and
 * between them (how nested lists are written: each level is indented at least two columns).
 * A line without a marker opens nothing, however indented (code, continued paragraphs).
 */
function blockDepth(line: string): number {
  let depth = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ') {
      columns++;
      i++;
    } else if (c === '\t') {
      columns += 4 - (columns % 4);
      i++;
    } else if (c === '>') {
      depth++;
      i++;
    } else if ((c === '-' || c === '+' || c === '*') && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
      depth++;
      i++;
    } else {
      const ordered = /^\d{1,9}[.)](?=[ \t])/.exec(line.slice(i, i + 11));
      if (!ordered) break;
      depth++;
      i += ordered[0].length;
    }
  }
  return depth === 0 ? 0 : depth + Math.floor(columns / 2);
}
