// Plain text from Markdown for lists, feeds and the search index: syntax dropped, words kept.

// Every pattern below stops at the next character that could start another match (`<`, `[`,
// `(`), so each character is scanned a bounded number of times: linear in the text. (The
// patterns they replace rescanned to the end of the text from every `[`: 200 KB of `[` took 42 s.)

/** Markdown to searchable text: code fences, raw HTML tags and syntax characters dropped. */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/<[^<>]*>/g, ' ')
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    // Emphasis and code marks go without a trace ("*rejected*." is "rejected."); the others
    // separate words (table cells, headings, snake_case).
    .replace(/[*`~]+/g, '')
    .replace(/[#>_|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The opening of a Markdown text as plain text, cut at a word boundary with an ellipsis. */
export function plainExcerpt(markdown: string, length = 240): string {
  const text = markdownText(markdown.replace(/```[\s\S]*?```/g, ' ').replace(/^[ \t]*[-*+] \[[ xX]\][ \t]*/gm, '').replace(/^[ \t]*(?:[-*+]|\d+\.)[ \t]+/gm, ''));
  return text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/, '')}…`;
}
