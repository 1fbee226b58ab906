import { categoryUpkeep, type CategoryUpkeep, type CategoryUse } from '../../core/metrics/categories.ts';
import { formatLocal } from '../../core/present/instant.ts';
import { plural } from '../../core/present/plural.ts';
import { dateProblem } from '../../core/time/timestamp.ts';
import { formatInstantIso } from '../../core/time/zone.ts';
import { loadValidIncidents } from '../../node/loadIncidents.ts';
import { readConfig } from '../../node/repository.ts';
import { oneOf, parseCommandArgs, parseNow, parseTimeFlag, rootOf } from '../args.ts';
import { EXIT_OK, type Command } from '../io.ts';

export const categoriesCommand: Command = {
  help: `Usage: commlog categories [options]

The upkeep view of the contact descriptions (the config's categories): per group and
category, the incidents and log entries that use it, its first and last use, the categories
never used (candidates to retire), and the share of incidents and entries without a
category. When the config lists no categories: every category in use.

Options:
  --since DATE      count only incidents opened and entries dated at or after DATE
                    (2026-09-01, or a timestamp; read in the config's timezone)
  --format FORMAT   text (default) or json
  --now TIME        as of TIME (default: now), for the loader's checks of future times
  --root DIR        the repository (default: the current directory)
  -h, --help        show this help
`,
  async run(argv, io) {
    const { values } = parseCommandArgs('categories', argv, { since: { type: 'string' }, format: { type: 'string' }, now: { type: 'string' } });
    const root = rootOf(values, io.cwd);
    const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
    const config = readConfig(root);
    const zone = config.timezone;
    const now = parseNow(values.now, zone);
    const since = values.since === undefined ? undefined : parseTimeFlag('--since', dateProblem(values.since) === null ? `${values.since}T00:00` : values.since, zone);
    const { incidents } = loadValidIncidents(root, config, now);
    const upkeep = categoryUpkeep(incidents, config, since);
    io.stdout.write(format === 'json' ? `${JSON.stringify(categoriesJson(upkeep, zone), null, 2)}\n` : categoriesText(upkeep, zone));
    return EXIT_OK;
  },
};

function categoriesJson(u: CategoryUpkeep, zone: string) {
  const iso = (t: number | undefined) => (t === undefined ? undefined : formatInstantIso(zone, t));
  return {
    version: 1,
    ...(u.since === undefined ? {} : { since: iso(u.since) }),
    configured: u.configured,
    categories: u.categories.map((c) => ({ category: c.category, group: c.group, incidents: c.incidents, entries: c.entries, first_use: iso(c.firstUse), last_use: iso(c.lastUse) })),
    never_used: u.neverUsed,
    uncategorised: u.uncategorised,
  };
}

function share(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`;
}

function categoriesText(u: CategoryUpkeep, zone: string): string {
  const day = (t: number | undefined) => (t === undefined ? '—' : formatLocal(t, zone).slice(0, 10));
  const width = Math.max(...u.categories.map((c) => c.category.length), 8);
  const rows = (list: CategoryUse[]) => {
    return list.map((c) =>
      c.firstUse === undefined
        ? `  ${c.category.padEnd(width)}  never used`
        : `  ${c.category.padEnd(width)}  ${plural(c.incidents, 'incident').padEnd(13)} ${plural(c.entries, 'entry', 'entries').padEnd(11)} ${day(c.firstUse)} → ${day(c.lastUse)}`,
    );
  };
  const lines = [u.since === undefined ? 'Contact descriptions in use' : `Contact descriptions in use since ${formatLocal(u.since, zone)}`, ''];
  if (!u.configured) lines.push('The config lists no categories: every category in use.', '');
  const groups = new Map<string, CategoryUse[]>();
  for (const c of u.categories) {
    const key = c.group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [group, list] of groups) {
    if (group) lines.push(`${group}:`);
    lines.push(...rows(list), '');
  }
  if (u.categories.length === 0) lines.push('No category is in use.', '');
  if (u.neverUsed.length > 0) lines.push(`Never used (candidates to retire): ${u.neverUsed.join(', ')}`);
  const { incidents, ofIncidents, entries, ofEntries } = u.uncategorised;
  lines.push(`Uncategorised: ${incidents} of ${plural(ofIncidents, 'incident')} (${share(incidents, ofIncidents)}), ${entries} of ${plural(ofEntries, 'entry', 'entries')} (${share(entries, ofEntries)})`, '');
  return lines.join('\n');
}
