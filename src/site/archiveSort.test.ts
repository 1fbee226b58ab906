import { describe, expect, it } from 'vitest';
import { ARCHIVE_COLUMNS } from './archiveColumns.ts';
import { DEFAULT_SORT, nextSort, parseSort, sortChoices, sortParam } from './archiveSort.ts';

describe('the archive sort in the address and the sort menu', () => {
  it('reads back every order it writes; anything else is no order', () => {
    for (const { value } of sortChoices()) expect(sortParam(parseSort(value)!)).toBe(value);
    for (const bad of ['', 'ttr', 'ttr-up', 'nope-asc', 'TTR-asc', null]) expect(parseSort(bad)).toBeUndefined();
  });

  it('offers each column in both directions, the archive\'s own order first, in words', () => {
    const choices = sortChoices();
    expect(choices).toHaveLength(ARCHIVE_COLUMNS.length * 2);
    expect(choices[0]).toEqual({ value: 'opened-desc', label: 'Opened, newest first' });
    expect(choices.find((c) => c.value === 'ttr-desc')?.label).toBe('To resolve, slowest first');
    expect(new Set(choices.map((c) => c.label)).size).toBe(choices.length);
  });

  it('reverses the column clicked again, and starts another in its natural order', () => {
    expect(nextSort(DEFAULT_SORT, 'opened')).toEqual({ key: 'opened', dir: 1 });
    expect(nextSort(DEFAULT_SORT, 'tta')).toEqual({ key: 'tta', dir: 1 });
    expect(nextSort({ key: 'tta', dir: 1 }, 'tta')).toEqual({ key: 'tta', dir: -1 });
  });
});
