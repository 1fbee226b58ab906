// Where a search result leads: the entry or section of the incident page that matched. The
// search record marks each entry and section with its anchor on the page (searchRecords.ts), so
// Pagefind splits a result into sub-results, one per anchor that holds a hit; the one whose hits
// score highest is the one the result leads to. A hit in the title, client or category (before
// the first anchor) leads to the top of the page.

/** What this module reads of a Pagefind sub-result. */
export interface SubResult {
  url: string;
  title: string;
  excerpt: string;
  anchor?: unknown;
  weighted_locations: { balanced_score: number }[];
}

/** The sub-result whose hits score highest; the first of equals (in page order). */
export function bestSubResult<T extends SubResult>(subResults: readonly T[]): T | undefined {
  const score = (s: SubResult) => s.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);
  let best: T | undefined;
  for (const s of subResults) if (!best || score(s) > score(best)) best = s;
  return best;
}

/** The incident's address with the sub-result's anchor: the sub-result's own address is Pagefind's, not the site's. */
export function searchResultHref(incidentUrl: string, subResult: SubResult | undefined): string {
  if (!subResult?.anchor) return incidentUrl;
  const hash = new URL(subResult.url, 'https://pagefind.invalid/').hash;
  return hash ? `${incidentUrl}${hash}` : incidentUrl;
}
