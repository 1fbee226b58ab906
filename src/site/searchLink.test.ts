import { describe, expect, it } from 'vitest';
import { matchedPhrase, searchResultHref } from './searchLink.ts';

describe('search results lead to the matching words', () => {
  it('takes the first hit with a plain word either side', () => {
    expect(matchedPhrase('the invoice <mark>surcharge</mark> was rounded, and the <mark>surcharge</mark> again')).toBe('invoice surcharge was');
    expect(matchedPhrase('<mark>Surcharge</mark>: rounding')).toBe('Surcharge');
    expect(matchedPhrase('no hit here')).toBeUndefined();
  });

  it('encodes the phrase as a text fragment, dashes and commas included', () => {
    expect(searchResultHref('/a/incidents/x/', 'end-of-day <mark>update</mark>, late')).toBe('/a/incidents/x/#:~:text=end%2Dof%2Dday%20update');
    expect(searchResultHref('/a/incidents/x/', 'nothing')).toBe('/a/incidents/x/');
  });
});
