import { describe, expect, it } from 'vitest';
import { parseOptions } from '../integration/options.ts';
import { siteAudience } from './options.ts';

describe('siteAudience', () => {
  it('is the team\'s internal archive unless the options say public', () => {
    expect(siteAudience(parseOptions({}))).toBe('internal');
    expect(siteAudience(parseOptions({ audience: 'public' }))).toBe('public');
    expect(() => parseOptions({ audience: 'clients' })).toThrow(/audience/);
  });

  it('is public for a client\'s own site, whatever audience says', () => {
    expect(siteAudience(parseOptions({ client: 'Harbour Lane Retail', audience: 'internal' }))).toBe('public');
  });
});
