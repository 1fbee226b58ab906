import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorTextBlocks } from './authorText.ts';
import { findPhrases, mayHoldPhrase, phraseExpression, phraseScreen, sentencesOf } from './phrases.ts';

const phrases = (...texts: string[]) => texts.map((phrase) => ({ phrase, expression: phraseExpression(phrase, { prefix: true }) }));
const found = (text: string, ...texts: string[]) => findPhrases(text, phrases(...texts)).map((m) => text.slice(m.start, m.end));

describe('phrases as quality.md defines them', () => {
  it("match ignoring case, with ' and ’ alike and any run of whitespace as one space", () => {
    expect(found("We can’t \n\t reproduce; CAN'T REPRODUCE.", "can't reproduce")).toEqual(['can’t \n\t reproduce', "CAN'T REPRODUCE"]);
  });

  it('match at word boundaries only: no letter or digit either side, any other character is a boundary', () => {
    expect(found('user errors, auser error, user error2, user error-rate, (user error), user_error', 'user error')).toEqual(['user error', 'user error']);
    expect(found('café user error', 'user error')).toEqual(['user error']);
    expect(found('éuser error', 'user error')).toEqual([]);
  });

  it('let an entry ending in * match any word that starts with it', () => {
    expect(found('Negligence, negligent, negligen, nonnegligent.', 'negligen*')).toEqual(['Negligence', 'negligent', 'negligen']);
  });

  it('keep one of overlapping matches: the earliest, the longer on a tie', () => {
    expect(found('as I said so', 'I said so', 'as I said')).toEqual(['as I said']);
    expect(found('user error', 'user', 'user error')).toEqual(['user error']);
  });

  it('treat regular-expression characters in a phrase as text', () => {
    expect(found('is it (a.k.a. user) error? a+b', '(a.k.a. user)', 'a+b')).toEqual(['(a.k.a. user)', 'a+b']);
  });
});

describe('sentences', () => {
  it('end at . ! or ? followed by whitespace or the end, at the line where each starts', () => {
    const [block] = authorTextBlocks('One. Two!\nThree? v1.2 is e.g.fine...\nFour', 5);
    expect(sentencesOf(block).map((s) => [s.line, s.text])).toEqual([
      [5, 'One.'],
      [5, 'Two!'],
      [6, 'Three?'],
      [6, 'v1.2 is e.g.fine...'],
      [7, 'Four'],
    ]);
  });
});

describe('mayHoldPhrase', () => {
  it('is true whenever the author text of a Markdown text holds the phrase (it only saves parsing)', () => {
    const piece = fc.constantFrom('user', 'error', ' ', '\n', '\n\n', '> ', '`', '*', '_', '~', '\\', '[', ']', '](x)', '](a(b)c)', '][r]', '\n\n[r]: /u\n', '&amp;', '&#117;', '&', '![i](j)', '- ', '|', 'us', 'er', '<b>', "'", '’', 'can', 't', 'reproduce', 'USER', '    ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const phrase = phrases('user error', "can't reproduce");
        const matches = authorTextBlocks(text, 1).some((block) => findPhrases(block.text, phrase).length > 0);
        if (matches) expect(mayHoldPhrase(text, phraseScreen(['user error', "can't reproduce"]))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(mayHoldPhrase('The pool was too small, an error.', phraseScreen(['user error', 'negligen']))).toBe(false);
    expect(mayHoldPhrase('A *us*er error', phraseScreen(['user error']))).toBe(true);
    expect(mayHoldPhrase('Caf&eacute;', phraseScreen(['user error']))).toBe(true);
    expect(mayHoldPhrase('see the [us](http://x)er error', phraseScreen(['user error']))).toBe(true);
    expect(mayHoldPhrase('see the [runbook](http://x/user) for the error', phraseScreen(['user error']))).toBe(false);
  });
});
