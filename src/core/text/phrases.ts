// Phrases, words and sentences as quality.md defines them: a phrase matches ignoring case,
// treating ' and ’ alike and any run of whitespace (a line break too) as one space, at word
// boundaries (the characters either side are not letters or digits); an entry ending in `*`
// matches any word that starts with it. A sentence ends at . ! or ? followed by whitespace or
// the end of the text. The definitions are character-exact, so they are regular expressions
// here rather than a natural-language tokenizer (docs/decisions.md says why).
import type { TextBlock } from './authorText.ts';

/** A phrase found in a text: where it starts and ends (UTF-16 offsets), and which phrase. */
export interface PhraseMatch<P> {
  start: number;
  end: number;
  phrase: P;
}

const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;
const LETTER_OR_DIGIT = '[\\p{L}\\p{N}]';

/** The expression of a phrase: `*` at the end of an entry allows the word to go on. */
export function phraseExpression(phrase: string, { prefix = false } = {}): RegExp {
  const trimmed = phrase.trim();
  const isPrefix = prefix && trimmed.endsWith('*');
  const body = phraseBody(isPrefix ? trimmed.slice(0, -1) : trimmed);
  return new RegExp(`(?<!${LETTER_OR_DIGIT})${body}${isPrefix ? `${LETTER_OR_DIGIT}*` : ''}(?!${LETTER_OR_DIGIT})`, 'giu');
}

/** A phrase's words, escaped, ' and ’ alike, joined by any run of whitespace. */
function phraseBody(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((word) => word.replace(SPECIAL, '\\$&').replace(/['’]/g, "['’]"))
    .join('\\s+');
}

/**
 * Every occurrence of the phrases in `text`, in order; of matches that overlap only the one
 * that starts first is kept (the longer on a tie).
 */
export function findPhrases<P>(text: string, phrases: readonly { phrase: P; expression: RegExp }[]): PhraseMatch<P>[] {
  const found: PhraseMatch<P>[] = [];
  for (const { phrase, expression } of phrases) {
    expression.lastIndex = 0;
    for (const m of text.matchAll(expression)) found.push({ start: m.index, end: m.index + m[0].length, phrase });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseMatch<P>[] = [];
  for (const match of found) if (kept.length === 0 || match.start >= kept[kept.length - 1].end) kept.push(match);
  return kept;
}

export interface Sentence {
  text: string;
  /** 1-based line in the file where the sentence starts. */
  line: number;
}

/** The sentences of a block: each ends at . ! or ? followed by whitespace, or at the block's end. */
export function sentencesOf(block: TextBlock): Sentence[] {
  const sentences: Sentence[] = [];
  const ends = /[.!?](?=\s|$)/g;
  let from = 0;
  const add = (to: number) => {
    const offset = block.text.slice(from, to).search(/\S/);
    if (offset !== -1) sentences.push({ text: block.text.slice(from + offset, to), line: block.lineAt(from + offset) });
  };
  for (const end of block.text.matchAll(ends)) {
    add(end.index + 1);
    from = end.index + 1;
  }
  add(block.text.length);
  return sentences;
}

/** One expression that finds any of the phrases in raw text: no word boundaries, no structure. */
export type PhraseScreen = RegExp;

export function phraseScreen(phrases: readonly string[]): PhraseScreen {
  const bodies = phrases.map((phrase) => phraseBody(phrase.trim().replace(/\*$/, '')));
  return new RegExp(bodies.length === 0 ? '(?!)' : bodies.join('|'), 'iu');
}

/** Link destinations and reference labels, which reading drops (one level of parentheses inside). */
const LINK_TARGET = /\]\((?:[^()]|\([^()]*\))*\)|\]\[[^\]]*\]/g;
/** Characters whose removal by reading can join letters: emphasis, escapes, link brackets. */
const JOINERS = /[*_~\\[\]]+/g;
/** A character reference can spell letters. */
const CHARACTER_REFERENCE = /&(?:#\d|#[xX][\da-fA-F]|[A-Za-z][A-Za-z\d]*;)/;

/**
 * Whether a text could hold one of the phrases once its Markdown is read, judged on the raw
 * text with link targets, emphasis, escapes and brackets taken out: reading only removes those
 * (code, quotes and HTML become gaps or blocks of their own, never joining what they
 * separated), so a text where the screen finds nothing cannot match. A text with character
 * references, or a link target the screen cannot take out, is always read. This saves parsing
 * the many texts that hold none: remark takes about half a millisecond per entry.
 */
export function mayHoldPhrase(text: string, screen: PhraseScreen): boolean {
  if (CHARACTER_REFERENCE.test(text)) return true;
  let plain = text;
  if (plain.includes('](') || plain.includes('][')) {
    plain = plain.replace(LINK_TARGET, ']');
    if (plain.includes('](')) return true;
  }
  if (/[*_~\\[\]]/.test(plain)) plain = plain.replace(JOINERS, '');
  return screen.test(plain);
}
