// The lessons page's view of the contact descriptions: the same upkeep as `commlog categories`
// (src/core/metrics/categories.ts), over the published incidents and their entries.
import { categoryUpkeep, type CategoryUpkeep } from '../core/metrics/categories.ts';
import type { Archive } from './archive.ts';

export function publishedCategoryUpkeep(archive: Pick<Archive, 'incidents' | 'config'>): CategoryUpkeep {
  const upkeep = categoryUpkeep(
    archive.incidents.map((i) => ({ category: i.category, openedAt: i.openedAt, entries: i.categorisedEntries })),
    archive.config,
  );
  // The archive keeps only the categorised entries' times; every entry counts towards the share.
  const ofEntries = archive.incidents.reduce((sum, i) => sum + i.entryCount, 0);
  return { ...upkeep, uncategorised: { ...upkeep.uncategorised, entries: ofEntries - upkeep.uncategorised.ofEntries, ofEntries } };
}
