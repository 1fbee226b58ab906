// The upkeep view of the contact descriptions (quality.md, `commlog categories`): per group and
// category of the config, how many incidents and entries use it and since when, the ones never
// used (candidates to retire), and how much is not categorised at all. When the config lists no
// categories, every category in use. An incident uses a category at `opened_at`, an entry at `at`.

export interface CategorisedIncident {
  category?: string;
  openedAt: number;
  entries: readonly { at: number; category?: string }[];
}

export interface CategoryUse {
  category: string;
  /** Its group, when the config's categories are a map of group -> list. */
  group?: string;
  incidents: number;
  entries: number;
  /** Epoch ms of the first and last use; absent when never used. */
  firstUse?: number;
  lastUse?: number;
}

export interface CategoryUpkeep {
  /** `--since`: only uses at or after it count. */
  since?: number;
  /** Whether the config lists categories (else `categories` holds every one in use). */
  configured: boolean;
  /** The config's categories in its order (then, unlisted, any other in use), or those in use by name. */
  categories: CategoryUse[];
  /** Configured categories with no use. */
  neverUsed: string[];
  uncategorised: { incidents: number; ofIncidents: number; entries: number; ofEntries: number };
}

export interface CategoryList {
  categories: readonly string[];
  categoryGroups: Readonly<Record<string, string>>;
}

export function categoryUpkeep(incidents: readonly CategorisedIncident[], config: CategoryList, since?: number): CategoryUpkeep {
  const uses = new Map<string, CategoryUse>();
  for (const category of config.categories) uses.set(category, { category, group: config.categoryGroups[category], incidents: 0, entries: 0 });
  const counts = (category: string) => {
    let use = uses.get(category);
    if (!use) uses.set(category, (use = { category, incidents: 0, entries: 0 }));
    return use;
  };
  const seen = (use: CategoryUse, at: number) => {
    use.firstUse = use.firstUse === undefined ? at : Math.min(use.firstUse, at);
    use.lastUse = use.lastUse === undefined ? at : Math.max(use.lastUse, at);
  };
  const uncategorised = { incidents: 0, ofIncidents: 0, entries: 0, ofEntries: 0 };
  const counted = (at: number) => since === undefined || at >= since;
  for (const incident of incidents) {
    if (counted(incident.openedAt)) {
      uncategorised.ofIncidents++;
      if (incident.category === undefined) uncategorised.incidents++;
      else {
        const use = counts(incident.category);
        use.incidents++;
        seen(use, incident.openedAt);
      }
    }
    for (const entry of incident.entries) {
      if (!counted(entry.at)) continue;
      uncategorised.ofEntries++;
      if (entry.category === undefined) uncategorised.entries++;
      else {
        const use = counts(entry.category);
        use.entries++;
        seen(use, entry.at);
      }
    }
  }
  const configured = config.categories.length > 0;
  const listed = [...uses.values()];
  const categories = configured ? listed : listed.sort((a, b) => a.category.localeCompare(b.category));
  const neverUsed = configured ? listed.filter((u) => u.firstUse === undefined).map((u) => u.category) : [];
  return { ...(since === undefined ? {} : { since }), configured, categories, neverUsed, uncategorised };
}
