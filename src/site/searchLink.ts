// Where a search result leads: the incident page scrolled to the words that matched, by a text
// fragment (`#:~:text=`, which Chromium, Safari and Firefox follow and highlight). The index holds
// one record per incident, so it knows no entry's anchor; the excerpt Pagefind returns does know
// the matching words and their neighbours, and a browser without text fragments opens the page at
// its top, as before.

/** The words of an excerpt with the first hit marked: a phrase of the hit and a word either side. */
export function matchedPhrase(excerptHtml: string): string | undefined {
  const m = /^(.*?)<mark>(.*?)<\/mark>(.*)$/s.exec(excerptHtml);
  if (!m) return undefined;
  const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const hit = text(m[2]).trim();
  if (!hit) return undefined;
  // Punctuation can differ between the index's text and the page (a table cell, a list): a
  // neighbour is taken only when it is a plain word.
  const before = /(?:^|\s)([\p{L}\p{N}'’-]+)\s+$/u.exec(text(m[1]))?.[1];
  const after = /^\s+([\p{L}\p{N}'’-]+)(?:\s|$)/u.exec(text(m[3]))?.[1];
  return [before, hit, after].filter(Boolean).join(' ');
}

/** The incident's address, with a text fragment for the first matching words when there are some. */
export function searchResultHref(incidentUrl: string, excerptHtml: string): string {
  const phrase = matchedPhrase(excerptHtml);
  // In a text directive `-`, `,` and `&` are syntax: percent-encoded like everything else.
  const encode = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  return phrase ? `${incidentUrl}#:~:text=${encode(phrase)}` : incidentUrl;
}
