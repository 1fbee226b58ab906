// How the search index is split: full shards of SHARD_SIZE in id order, the newest incidents in
// smaller tail shards, so that a new entry re-indexes a small shard.
import { describe, expect, it } from 'vitest';
import { SHARD_SIZE, shardCount, shardSizes, TAIL_SHARD_SIZE } from './searchShards.ts';

describe('search shard sizes', () => {
  it('keeps full shards and splits what follows them into tail shards', () => {
    expect(SHARD_SIZE).toBe(2000);
    expect(TAIL_SHARD_SIZE).toBe(500);
    expect(shardSizes(9714)).toEqual([2000, 2000, 2000, 2000, 500, 500, 500, 214]);
    expect(shardSizes(10000)).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(shardSizes(1)).toEqual([1]);
  });

  it('has one (empty) shard for an empty archive, and counts what it makes', () => {
    expect(shardSizes(0)).toEqual([0]);
    for (const n of [0, 1, 499, 500, 501, 1999, 2000, 2001, 30000, 31234]) {
      expect(shardCount(n)).toBe(shardSizes(n).length);
      expect(shardSizes(n).reduce((a, b) => a + b, 0)).toBe(n);
    }
  });

  it('keeps the boundaries of earlier shards as incidents are added', () => {
    const starts = (n: number) => shardSizes(n).map((_, i, s) => s.slice(0, i).reduce((a, b) => a + b, 0));
    const before = starts(9714);
    const after = starts(9715);
    expect(after.slice(0, before.length)).toEqual(before);
  });
});
