// The textual checks of a report section (rules.md): is there real content, what severity word
// does it start with, does it give a time of day. Defined on the Markdown text itself, so that
// a writer can predict them without knowing how Markdown parses.

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** `<…>` fill-ins such as `<describe the impact>`; autolinks (`<https://…>`, `<a@b.example>`) are content. */
const FILL_IN = /<(?![a-z][a-z0-9+.-]{1,31}:[^\s<>]*>|[^\s<>@]+@[^\s<>]+>)[^<>\n]*>/gi;
const TASK_BOX = /\[[ xX]\]/g;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])$/;
const PLACEHOLDERS = new Set(['tbd', 'todo', 'fixme']);
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** The text a reader would see as written: HTML comments and `<…>` fill-ins removed. */
function visibleText(markdown: string): string {
  return markdown.replace(HTML_COMMENT, ' ').replace(FILL_IN, ' ');
}

export interface SectionWords {
  /** Words that carry content. */
  content: string[];
  /** Placeholders found (`TBD`, `TODO`, `FIXME`), as written. */
  placeholders: string[];
}

/**
 * The words of a section after removing HTML comments, `<…>` fill-ins, list markers, task
 * boxes and emphasis. A word is content when it has a letter or digit and is not a
 * placeholder (ignoring punctuation around it), so `N/A` is content and `...`, `…` or a lone
 * `>` or `|` is not.
 */
export function sectionWords(markdown: string): SectionWords {
  const words: SectionWords = { content: [], placeholders: [] };
  eachWord(markdown, (word, placeholder) => {
    (placeholder ? words.placeholders : words.content).push(word);
    return false;
  });
  return words;
}

/** Whether a section has a word of content (sectionWords, stopping at the first one). */
export function hasContent(markdown: string): boolean {
  let found = false;
  eachWord(markdown, (_, placeholder) => (found = !placeholder));
  return found;
}

const WORD = /\S+/g;

/** Calls `visit` with each word that has a letter or digit, until it returns true. */
function eachWord(markdown: string, visit: (word: string, placeholder: boolean) => boolean): void {
  let text = markdown.includes('<') ? visibleText(markdown) : markdown;
  if (text.includes('[')) text = text.replace(TASK_BOX, ' ');
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const raw = match[0];
    if (LIST_MARKER.test(raw)) continue;
    const word = trimWhile(raw, isEmphasis);
    if (!WORD_CHARACTER.test(word)) continue;
    const bare = trimWhile(word, (c) => !WORD_CHARACTER.test(c));
    const placeholder = PLACEHOLDERS.has(bare.toLowerCase());
    if (visit(placeholder ? bare : word, placeholder)) return;
  }
}

function isEmphasis(c: string): boolean {
  return c === '*' || c === '_' || c === '~';
}

/** The word without the characters at either end that `strip` accepts (linear, unlike a `x+$` regex). */
function trimWhile(word: string, strip: (c: string) => boolean): string {
  let start = 0;
  let end = word.length;
  while (start < end && strip(word[start])) start++;
  while (end > start && strip(word[end - 1])) end--;
  return word.slice(start, end);
}

/** The first run of letters (the report's severity word as written), if any. */
export function firstWord(markdown: string): string | undefined {
  return /\p{L}+/u.exec(visibleText(markdown).replace(TASK_BOX, ' '))?.[0];
}

/** `H:MM` or `HH:MM` (00:00 to 23:59), not part of a longer number. */
const TIME_OF_DAY = /(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)/;

export function hasTimeOfDay(markdown: string): boolean {
  return TIME_OF_DAY.test(visibleText(markdown));
}
