import { describe, expect, it } from 'vitest';
import { INCIDENT_ID } from '../load/loadIncident.ts';
import { clientSlug, incidentId, slugify, topicSlug } from './slug.ts';

describe('incident ids', () => {
  it('are the local date, the client and the first meaningful words of the title', () => {
    expect(incidentId('2026-11-02', 'Acme Stores Ltd', topicSlug('The checkout returns an Error 500 on every payment'))).toBe('2026-11-02-acme-stores-checkout-returns-error-500');
  });

  it('drop accents and punctuation, and legal suffixes of the client', () => {
    expect(slugify('Café “Zoë” — Ärger!')).toBe('cafe-zoe-arger');
    expect(clientSlug('Harbour Lane Retail plc')).toBe('harbour-lane-retail');
    expect(clientSlug('Meridian Freight, Inc.')).toBe('meridian-freight');
  });

  it('stay within 80 characters, cut at a word', () => {
    const id = incidentId('2026-11-02', 'The Extraordinarily Long Named International Holding Company of Everything', 'every-single-word-of-a-very-long-title-that-goes-on-and-on');
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).toMatch(INCIDENT_ID);
    expect(id.endsWith('-')).toBe(false);
  });

  it('keep a title of filler words only', () => {
    expect(topicSlug('Of the')).toBe('of-the');
  });
});
