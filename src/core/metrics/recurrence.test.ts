import { describe, expect, it } from 'vitest';
import { findRecurrences } from './recurrence.ts';

const day = 86_400_000;

describe('findRecurrences', () => {
  it('links an incident to the latest earlier one of the same client or category within 90 days', () => {
    const found = findRecurrences([
      { id: 'c', client: 'Acme', category: 'login', openedAt: 80 * day },
      { id: 'a', client: 'Acme', category: 'outage', openedAt: 0 },
      { id: 'b', client: 'Beta', category: 'outage', openedAt: 30 * day },
      { id: 'd', client: 'Acme', category: 'outage', openedAt: 150 * day },
    ]);
    expect(found).toEqual([
      { id: 'b', sameCategoryAs: 'a' },
      { id: 'c', sameClientAs: 'a' },
      { id: 'd', sameClientAs: 'c' },
    ]);
  });

  it('counts 90 days inclusive and not 91; flags the same client and category as the same problem', () => {
    const found = findRecurrences([
      { id: 'a', client: 'Acme', category: 'outage', openedAt: 0 },
      { id: 'b', client: 'Acme', category: 'outage', openedAt: 90 * day },
      { id: 'c', client: 'Acme', category: 'outage', openedAt: 181 * day },
    ]);
    expect(found).toEqual([{ id: 'b', sameClientAs: 'a', sameCategoryAs: 'a', sameProblemAs: 'a', repeatReason: 'category' }]);
  });

  it('takes the category group of the config, not the category, for the same problem', () => {
    const groupOf = (c: string) => ({ outage: 'availability', slowness: 'availability' })[c];
    const found = findRecurrences(
      [
        { id: 'a', client: 'Acme', category: 'outage', openedAt: 0 },
        { id: 'b', client: 'acme ', category: 'slowness', openedAt: 10 * day },
        { id: 'c', client: 'Beta', category: 'login', openedAt: 20 * day },
      ],
      { groupOf },
    );
    expect(found).toEqual([{ id: 'b', sameClientAs: 'a', sameCategoryAs: 'a', sameProblemAs: 'a', repeatReason: 'category' }]);
  });

  it('takes a related link either way, or the tag recurring, as the same problem again', () => {
    const found = findRecurrences([
      { id: 'a', client: 'Acme', category: 'outage', openedAt: 0, related: ['c'] },
      { id: 'b', client: 'Acme', category: 'login', openedAt: 5 * day },
      { id: 'c', client: 'Acme', category: 'payments', openedAt: 40 * day },
      { id: 'd', client: 'Acme', category: 'invoicing', openedAt: 50 * day, tags: ['Recurring'] },
      { id: 'e', client: 'Beta', category: 'sso', openedAt: 60 * day, related: ['d'] },
      { id: 'f', client: 'Acme', category: 'export', openedAt: 200 * day, related: ['a'], tags: ['recurring'] },
    ]);
    expect(found).toEqual([
      { id: 'b', sameClientAs: 'a' },
      { id: 'c', sameClientAs: 'b', sameProblemAs: 'a', repeatReason: 'related' },
      { id: 'd', sameClientAs: 'c', sameProblemAs: 'c', repeatReason: 'tag' },
    ]);
  });
});
