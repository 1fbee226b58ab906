import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closest } from './schemaFindings.ts';

/** The definition: the whole optimal-string-alignment table, and every candidate compared. */
function closestByDefinition(word: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  };
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

describe('closest', () => {
  it('suggests the known field a typo stands for', () => {
    expect(closest('Visiblity', ['visibility'])).toBe('visibility');
    expect(closest('dierction', ['at', 'direction', 'channel'])).toBe('direction');
    expect(closest('incident.MD', ['incident.md', 'report.md'])).toBe('incident.md');
    expect(closest('next_update_by', ['visibility'])).toBeUndefined();
  });

  it('answers as comparing every candidate by the full table does: skipping by length changes nothing (property, fixed seed)', () => {
    // A small alphabet, so that words are often near each other, swaps and lengths included.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '_', 'é', '😀'), maxLength: 14 });
    fc.assert(
      fc.property(word, fc.array(word.map((w) => w.toLowerCase()), { maxLength: 6 }), (w, candidates) => {
        expect(closest(w, candidates)).toBe(closestByDefinition(w, candidates));
      }),
      { numRuns: 5000 },
    );
  });
});
