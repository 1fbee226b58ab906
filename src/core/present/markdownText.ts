// Text from a log (titles, clients, owners, summaries, messages) placed in Markdown that GitHub
// or a wiki renders: the pull request comment, reminder issues, the job summary, the weekly
// update, report drafts. Whatever the text holds, it shows as the same text and does nothing:
// no link, image, emphasis, HTML, table column, line break, and no GitHub mention or issue
// reference (those notify people or cross-link issues). The one place this is decided.

/**
 * Put after `@`, before the digits of `#123`, and inside `://` and `www.`: GitHub (and GFM's
 * literal autolinks) find mentions, issue references and bare links in the rendered text, where
 * no Markdown escape reaches, and only when these characters are next to each other.
 * Invisible when shown.
 */
export const INVISIBLE_BREAK = '\u200D';

/** ASCII punctuation that starts inline syntax (CommonMark and GFM): escaped by a backslash. */
const INLINE_SYNTAX = /[\\`*_[\]|~]/g;

/**
 * Inline text: a table cell, or words within a line. Line breaks and runs of white space
 * become one space; the result is trimmed.
 */
export function markdownText(text: string): string {
  return collapse(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(/:\/\//g, `${INVISIBLE_BREAK}://`)
    .replace(/(www)\./gi, `$1${INVISIBLE_BREAK}.`)
    .replace(/@/g, `@${INVISIBLE_BREAK}`)
    .replace(/#(?=\d)/g, `#${INVISIBLE_BREAK}`)
    // Last, as it writes a `#` and digits: GitHub's math reads `$` in the source, where a
    // backslash is not enough.
    .replace(/\$/g, '&#36;');
}

/**
 * A code span showing the text as it is (an id, a file path, a handle): fenced by more
 * backticks than the text holds in a row. In a table cell, pass `inTable` so a `|` does not
 * end the cell (GFM's table parser takes `\|` out again before the code span is read; outside
 * a table the backslash would show). A table's code span cannot hold a `\` before a `|` at all:
 * such text is shown as plain text instead.
 */
export function markdownCode(text: string, options: { inTable?: boolean } = {}): string {
  let code = collapse(text);
  if (code === '') return '';
  if (options.inTable) {
    if (code.includes('\\|')) return markdownText(code);
    code = code.replace(/\|/g, '\\|');
  }
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/**
 * A path (`a/b/c`, a branch name or a file in the repository) for the destination of a Markdown
 * link: each segment percent-encoded, parentheses too, as a `)` would end the destination.
 */
export function markdownUrlPath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
