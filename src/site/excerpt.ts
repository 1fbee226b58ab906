// Plain text from Markdown for lists, feeds and the search index: syntax dropped, words kept.

/** Markdown to searchable text: code fences, raw HTML tags and syntax characters dropped. */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The opening of a Markdown text as plain text, cut at a word boundary with an ellipsis. */
export function plainExcerpt(markdown: string, length = 240): string {
  const text = markdownText(markdown.replace(/```[\s\S]*?```/g, ' ').replace(/^\s*[-*+] \[[ xX]\]\s*/gm, '').replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, ''));
  return text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/, '')}…`;
}
