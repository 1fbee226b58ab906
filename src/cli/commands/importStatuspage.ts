import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { entryBaseName, entryFileText } from '../../core/compose/entry.ts';
import { newIncidentFile } from '../../core/compose/incident.ts';
import { parsePerson } from '../../core/compose/person.ts';
import { importPageIncident, resolvedIncidentText, type StatusPageImportOptions } from '../../core/compose/statusPageImport.ts';
import { timestampText } from '../../core/compose/timestampText.ts';
import { readCstateIssue, readStatuspageJson, type PageIncident, type PageProblem } from '../../core/compose/statusPageSources.ts';
import { formatLocal } from '../../core/present/instant.ts';
import { loadValidIncidents } from '../../node/loadIncidents.ts';
import { listIncidentIds, readConfig } from '../../node/repository.ts';
import { writeNewEntryFile, writeNewFile } from '../../node/writeNew.ts';
import { parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { EXIT_OK, type Command } from '../io.ts';
import { UsageError } from '../usageError.ts';

/** The policy of a public status page, written when the repository has no config yet. */
export const PUBLIC_PAGE_CONFIG = `# A public status page, read around the clock (written by commlog import-statuspage).
timezone: UTC
clock: always
acknowledge_within: 30m
priorities:
  urgent: { max_gap: 1h, windows: [] }
  high: { max_gap: 2h, windows: [] }
  medium: { max_gap: 4h, windows: [] }
  low: { max_gap: 24h, windows: [], weekly: false }
`;

export const importStatuspageCommand: Command = {
  help: `Usage: commlog import-statuspage SOURCE --client NAME --pm PERSON --author HANDLE [options]

Imports the history of a status page into the log: each incident becomes an incident folder
(resolved when the page resolved it), each update an outbound \`status-page\` entry (the first an
acknowledgement, the resolved one a resolution) with \`next_update_by\` where the update promised
one ("next update in 1 hour", "an update by 18:00 UTC"). Rerunnable: every entry keeps the
page's id in \`source_id\`, and what the log already holds is skipped.

SOURCE is a file or a folder of files:
  *.json   Atlassian Statuspage (its public API: /api/v2/incidents.json, or { page, incident })
  *.md     cState issues (content/issues/*.md)

A public page names no reporter, PM or contact; they come from these flags, never invented:
  --client NAME         the client organisation the page serves (required)
  --pm PERSON           the project manager, "Name <address>" (required)
  --author HANDLE       who logs the entries, and the incidents' owner (required)
  --audience NAME       the page's readers: every entry's contact and the incidents' reporter
                        (default: "<client> status page readers")
  --dry-run             say what would be written, write nothing
  --now TIME            the log as of TIME (default: now)
  --root DIR            the repository (default: the current directory)
  -h, --help            show this help

Without commlog.config.yaml, it writes one for a public page read around the clock
(clock: always; an update at least every 1h/2h/4h/24h by priority).
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      'import-statuspage',
      argv,
      { client: { type: 'string' }, pm: { type: 'string' }, author: { type: 'string' }, audience: { type: 'string' }, 'dry-run': { type: 'boolean' }, now: { type: 'string' } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError(`expected one SOURCE (a file or folder), got ${positionals.length} (see commlog import-statuspage --help)`);
    for (const flag of ['client', 'pm', 'author'] as const) {
      if (!values[flag]?.trim()) throw new UsageError(`--${flag} is required: a public page does not say it (see commlog import-statuspage --help)`);
    }
    const pm = parsePerson(values.pm!);
    if (!pm.email) throw new UsageError(`--pm "${values.pm}": the project manager needs an address, "Name <address>"`);
    const client = values.client!.trim();
    const options: StatusPageImportOptions = { client, pm, author: values.author!.trim(), audience: { name: values.audience?.trim() || `${client} status page readers` } };
    const root = rootOf(values, io.cwd);
    const dryRun = values['dry-run'] === true;

    const { incidents: pages, problems } = readSources(resolve(io.cwd, positionals[0]));
    for (const p of problems) io.stderr.write(`${p.origin}: ${p.message}\n`);

    if (!existsSync(join(root, 'incidents')) && !dryRun) mkdirSync(join(root, 'incidents'), { recursive: true });
    const configPath = join(root, 'commlog.config.yaml');
    if (!existsSync(configPath)) {
      if (!dryRun) writeFileSync(configPath, PUBLIC_PAGE_CONFIG, { flag: 'wx' });
      io.stdout.write(`${dryRun ? 'would write' : 'wrote'} commlog.config.yaml (a public page, around the clock)\n`);
    }
    const config = readConfig(root);
    const zone = config.timezone;
    const { incidents: logged, invalid } = loadValidIncidents(root, config, parseNow(values.now, config.timezone));
    if (invalid.length > 0) io.stderr.write(`note: ${invalid.length} incident${invalid.length === 1 ? '' : 's'} with an invalid incident.md not searched for imported updates (run commlog check)\n`);
    const sourceIds = new Set<string>();
    const folderOf = new Map<string, string>();
    const open = new Set(logged.filter((i) => i.status === 'open').map((i) => i.id));
    for (const incident of logged) {
      for (const e of incident.entries) {
        if (e.sourceId === undefined) continue;
        sourceIds.add(e.sourceId);
        folderOf.set(e.sourceId.slice(0, e.sourceId.lastIndexOf('/')), incident.id);
      }
    }
    const ids = new Set(listIncidentIds(root));

    let newIncidents = 0;
    let newEntries = 0;
    for (const page of pages) {
      const imported = importPageIncident(page, sourceIds, folderOf.has(page.key), options);
      if (imported.entries.length === 0) continue;
      let id = folderOf.get(page.key);
      if (imported.draft) {
        const file = newIncidentFile(imported.draft, zone);
        id = freeId(file.id, ids);
        ids.add(id);
        if (!dryRun) writeNewFile(join(root, 'incidents', id, 'incident.md'), file.text, `incidents/${id}/incident.md`);
        newIncidents++;
      }
      for (const entry of imported.entries) {
        if (!dryRun) writeNewEntryFile(root, `incidents/${id}/log`, entryBaseName(entry, zone), entryFileText(entry, zone));
        newEntries++;
      }
      if (!imported.draft && page.resolvedAt !== undefined && id !== undefined && open.has(id)) {
        // The page resolved an incident the log still has open: incident.md is not the log, so it follows.
        const path = join(root, 'incidents', id, 'incident.md');
        const resolved = resolvedIncidentText(readFileSync(path, 'utf8'), timestampText(page.resolvedAt, zone));
        if (resolved !== undefined && !dryRun) writeFileSync(path, resolved);
        if (resolved !== undefined) io.stdout.write(`${dryRun ? 'would mark' : 'marked'} incidents/${id} resolved at ${formatLocal(page.resolvedAt, zone)}\n`);
      }
      io.stdout.write(`${dryRun ? 'would import' : 'imported'} ${imported.entries.length} update${imported.entries.length === 1 ? '' : 's'} into incidents/${id}${imported.draft ? ' (new)' : ''}\n`);
      for (const p of imported.promises) io.stdout.write(`  promise: "${p.phrase}" at ${formatLocal(p.at, zone)} -> next_update_by ${formatLocal(p.nextUpdateBy, zone)}\n`);
    }
    io.stdout.write(`${pages.length} incident${pages.length === 1 ? '' : 's'} read; ${newIncidents} new, ${newEntries} update${newEntries === 1 ? '' : 's'} ${dryRun ? 'to import' : 'imported'}${problems.length ? `; ${problems.length} not readable` : ''}\n`);
    return EXIT_OK;
  },
};

/** The id, or the id with -2, -3 … when an incident of another source (or the same day and title) has it. */
function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) {
    const candidate = `${id.slice(0, 80 - String(n).length - 1)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Every incident of a source file, or of the .json and .md files directly in a folder. */
function readSources(path: string): { incidents: PageIncident[]; problems: PageProblem[] } {
  let files: string[];
  try {
    files = lstatSync(path).isDirectory() ? readdirSync(path).sort().map((name) => join(path, name)) : [path];
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const sources = files.filter((f) => /\.(json|md)$/i.test(f) && lstatSync(f).isFile());
  if (sources.length === 0) throw new UsageError(`${path}: no .json (Statuspage) or .md (cState) file to import`);
  const incidents: PageIncident[] = [];
  const problems: PageProblem[] = [];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    if (/\.json$/i.test(file)) {
      const read = readStatuspageJson(text, file);
      incidents.push(...read.incidents);
      problems.push(...read.problems);
    } else {
      const read = readCstateIssue(text, basename(file), file);
      if ('message' in read) problems.push(read);
      else incidents.push(read);
    }
  }
  return { incidents, problems };
}
