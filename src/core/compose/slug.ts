// Incident ids from what a person types: `2026-11-02-acme-checkout-500`.
import { INCIDENT_ID } from '../schema/values.ts';

/** Lower-case ASCII words joined by `-`: accents dropped, everything else a separator. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Words that only pad a title: a topic reads better without them. */
const FILLER = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'at', 'for', 'to', 'with', 'is', 'are', 'and', 'or', 'from', 'by']);

/** The first few meaningful words of a title. */
export function topicSlug(title: string, words = 4): string {
  const all = slugify(title).split('-').filter((w) => w !== '');
  const meaningful = all.filter((w) => !FILLER.has(w));
  return (meaningful.length > 0 ? meaningful : all).slice(0, words).join('-');
}

/** The client's name without legal suffixes: `Harbour Lane Retail Ltd` -> `harbour-lane-retail`. */
export function clientSlug(client: string): string {
  return slugify(client.replace(/\b(ltd|limited|inc|llc|plc|gmbh|sa|sas|bv|ag|co|corp|corporation)\.?$/i, ''));
}

/** `<local date>-<client>-<topic>`, cut to the id's 80 characters at a word boundary. */
export function incidentId(localDate: string, client: string, topic: string): string {
  let id = [localDate, clientSlug(client), slugify(topic)].filter((p) => p !== '').join('-');
  while (id.length > 80) id = id.slice(0, id.lastIndexOf('-'));
  if (!INCIDENT_ID.test(id)) throw new Error(`not an incident id: ${id}`);
  return id;
}
