import { describe, expect, it } from 'vitest';
import { bestSubResult, searchResultHref, type SubResult } from './searchLink.ts';

/** A sub-result as Pagefind gives it: the page's address (or with an anchor), its hits' scores. */
function sub(url: string, scores: number[], anchor = url.includes('#')): SubResult {
  return { url, title: url, excerpt: '', anchor: anchor ? { id: url.split('#')[1] } : undefined, weighted_locations: scores.map((balanced_score) => ({ balanced_score })) };
}

describe('a search result leads to the entry or section that matched', () => {
  it('picks the sub-result whose hits score highest, the first of equals', () => {
    const top = sub('/incidents/x/', [1]);
    const entryA = sub('/incidents/x/#entry-a', [2, 2]);
    const entryB = sub('/incidents/x/#entry-b', [3]);
    const entryC = sub('/incidents/x/#entry-c', [4]);
    expect(bestSubResult([top, entryA, entryB])).toBe(entryA);
    expect(bestSubResult([top, entryA, entryC])).toBe(entryA);
    expect(bestSubResult([top, entryB, entryC])).toBe(entryC);
    expect(bestSubResult([])).toBeUndefined();
  });

  it("links the site's own incident address with the sub-result's anchor, as Pagefind encoded it", () => {
    expect(searchResultHref('/a/incidents/x/', sub('/a/incidents/x/#entry-2026-11-02T0910-email-out', [1]))).toBe('/a/incidents/x/#entry-2026-11-02T0910-email-out');
    // A file name with a contact detail withheld.
    expect(searchResultHref('/a/incidents/x/', sub('/a/incidents/x/#entry-call-[phone-withheld]', [1]))).toBe('/a/incidents/x/#entry-call-[phone-withheld]');
    expect(searchResultHref('/a/incidents/x/', sub('/a/incidents/x/', [1]))).toBe('/a/incidents/x/');
    expect(searchResultHref('/a/incidents/x/', undefined)).toBe('/a/incidents/x/');
  });
});
