import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAST_CHECK_SEED, fastCheckSeed } from './seed.ts';

describe('the fast-check seed of a test run', () => {
  it('is fixed for every property of the run', () => {
    expect(fc.readConfigureGlobal().seed).toBe(fastCheckSeed());
    const draw = () => fc.sample(fc.integer(), { numRuns: 5 });
    expect(draw()).toEqual(draw());
  });

  it('is the default unless FC_SEED names another, and refuses a non-integer', () => {
    expect(fastCheckSeed({})).toBe(DEFAULT_FAST_CHECK_SEED);
    expect(fastCheckSeed({ FC_SEED: '' })).toBe(DEFAULT_FAST_CHECK_SEED);
    expect(fastCheckSeed({ FC_SEED: '42' })).toBe(42);
    expect(() => fastCheckSeed({ FC_SEED: 'abc' })).toThrow(/FC_SEED must be an integer, got "abc"/);
  });
});

describe('property tests', () => {
  it('take the run\'s seed: none passes a seed of its own, which FC_SEED could not change', () => {
    const root = join(import.meta.dirname, '../..');
    const own = (['src', 'test', 'scripts'] as const)
      .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
      .filter((f) => f.endsWith('.test.ts') && /\bseed: *\d/.test(readFileSync(join(root, f), 'utf8')));
    expect(own).toEqual([]);
  });
});
