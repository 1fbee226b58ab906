// `commlog init`: turns an empty folder (or an existing git repository) into a log repository
// that depends on commlog instead of carrying its source. Never overwrites a file unless told
// to (--force, which lists what it replaces); `--upgrade` refreshes only the files commlog
// maintains (workflows, pull request template), showing the diff.
import { createTwoFilesPatch } from 'diff';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { WEEKDAYS, type Weekday } from '../../core/schema/values.ts';
import { isValidZone } from '../../core/time/zone.ts';
import { UsageError } from '../usageError.ts';
import { managedFiles, packageJsonFor, starterFiles, type InitAnswers, type PlannedFile } from '../../node/initFiles.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_OK, type CliIO, type Command } from '../io.ts';

const HELP = `Usage: commlog init [FOLDER] [options]

Makes FOLDER (default: the current directory; created if missing) a commlog log repository:
package.json (commlog as a dependency, the Node pin, scripts check, due, site:dev, site:build),
commlog.config.yaml with every key commented, incidents/ with one example incident,
astro.config.mjs (the archive site), the GitHub workflows, the pull request template, a
CODEOWNERS example, a README and a .gitignore. An existing package.json gets only the scripts
and dependencies it lacks. Other existing files are kept and listed.

On a terminal it asks for what is not given as a flag.

Options:
  --timezone ZONE         the team's IANA time zone (default: this computer's)
  --business-days DAYS    e.g. mon,tue,wed,thu,fri (the default)
  --business-hours H-H    e.g. 09:00-17:30 (the default)
  --repository OWNER/NAME the GitHub repository, for the site's address and links
  --empty                 no example incident
  --force                 replace existing files too, listing each one
  --dry-run               list what would be written; write nothing
  --upgrade               refresh only the files commlog maintains (workflows, pull request
                          template, CODEOWNERS example) to this version, showing the diff;
                          never touches incidents/, the configuration or package.json
  --root DIR              same as FOLDER
`;

interface Choices {
  force: boolean;
  dryRun: boolean;
}

function parseHours(text: string): { start: string; end: string } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match || `${match[3]}:${match[4]}` <= `${match[1]}:${match[2]}`) {
    throw new UsageError(`--business-hours "${text}": expected start-end in 24-hour time, such as 09:00-17:30`);
  }
  return { start: `${match[1]}:${match[2]}`, end: `${match[3]}:${match[4]}` };
}

function parseDays(text: string): Weekday[] {
  const days = text.split(/[\s,]+/).filter(Boolean).map((d) => d.toLowerCase().slice(0, 3));
  const bad = days.filter((d) => !(WEEKDAYS as readonly string[]).includes(d));
  if (days.length === 0 || bad.length) throw new UsageError(`--business-days "${text}": expected weekdays such as mon,tue,wed,thu,fri`);
  return WEEKDAYS.filter((d) => days.includes(d));
}

function parseRepositoryFlag(text: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(text.trim().replace(/^https:\/\/github\.com\//, '').replace(/\.git$/, ''));
  if (!match) throw new UsageError(`--repository "${text}": expected OWNER/NAME, such as acme/incident-log`);
  return { owner: match[1], repo: match[2] };
}

function zoneProblem(zone: string): string | undefined {
  return isValidZone(zone) ? undefined : `"${zone}" is not an IANA time zone such as Europe/London`;
}

async function gatherAnswers(values: Record<string, string | boolean | undefined>, io: CliIO): Promise<InitAnswers> {
  let given: Record<string, string | undefined> = {
    timezone: values.timezone as string | undefined,
    'business-days': values['business-days'] as string | undefined,
    'business-hours': values['business-hours'] as string | undefined,
    repository: values.repository as string | undefined,
  };
  const { askMissing, canAsk } = await import('./newPrompts.ts');
  if (canAsk(io)) {
    given = await askMissing(
      [
        { flag: 'timezone', message: 'Team time zone', proposal: () => Intl.DateTimeFormat().resolvedOptions().timeZone, problem: zoneProblem },
        { flag: 'business-days', message: 'Business days', proposal: () => 'mon,tue,wed,thu,fri', problem: (t) => problemOf(() => parseDays(t)) },
        { flag: 'business-hours', message: 'Business hours', proposal: () => '09:00-17:30', problem: (t) => problemOf(() => parseHours(t)) },
        { flag: 'repository', message: 'GitHub repository (OWNER/NAME, empty to fill in later)', optional: true, problem: (t) => problemOf(() => parseRepositoryFlag(t)) },
      ],
      given,
    );
  }
  const timezone = given.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const problem = zoneProblem(timezone);
  if (problem) throw new UsageError(`--timezone: ${problem}`);
  return {
    timezone,
    days: parseDays(given['business-days'] ?? 'mon,tue,wed,thu,fri'),
    ...parseHours(given['business-hours'] ?? '09:00-17:30'),
    repository: given.repository ? parseRepositoryFlag(given.repository) : undefined,
    empty: Boolean(values.empty),
  };
}

function problemOf(parse: () => unknown): string | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^--[\w-]+ "[^"]*": /, '');
  }
}

function write(root: string, file: PlannedFile, overwrite: boolean): void {
  const path = join(root, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content, { flag: overwrite ? 'w' : 'wx' });
}

function init(root: string, answers: InitAnswers, choices: Choices, io: CliIO): number {
  const created: string[] = [];
  const replaced: string[] = [];
  const kept: string[] = [];
  const packagePath = join(root, 'package.json');
  const existing = existsSync(packagePath) ? (JSON.parse(readFileSync(packagePath, 'utf8')) as Record<string, unknown>) : undefined;
  const packageJson = packageJsonFor(existing, root);
  if (!existing) created.push('package.json');
  else if (packageJson !== readFileSync(packagePath, 'utf8')) replaced.push('package.json (added what it lacked)');
  if (!choices.dryRun) writeFileSync(packagePath, packageJson);

  for (const file of starterFiles(answers)) {
    const exists = existsSync(join(root, file.path));
    if (exists && !choices.force) {
      kept.push(file.path);
      continue;
    }
    (exists ? replaced : created).push(file.path);
    if (!choices.dryRun) write(root, file, choices.force);
  }

  const verb = choices.dryRun ? 'would ' : '';
  const lines = [`commlog init: ${root}`];
  if (created.length) lines.push(`${verb}create:`, ...created.map((f) => `  ${f}`));
  if (replaced.length) lines.push(`${verb}replace:`, ...replaced.map((f) => `  ${f}`));
  if (kept.length) lines.push('kept (the file exists; --force replaces it):', ...kept.map((f) => `  ${f}`));
  if (!choices.dryRun) lines.push('', 'Next: npm install, then npm run check and npm run site:build (docs: README.md).');
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

function upgrade(root: string, choices: Choices, io: CliIO): number {
  const changed: string[] = [];
  for (const file of managedFiles()) {
    const path = join(root, file.path);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === file.content) continue;
    changed.push(file.path);
    io.stdout.write(current === undefined ? `new file: ${file.path}\n` : createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, current, file.content));
    if (!choices.dryRun) write(root, file, true);
  }
  const verb = choices.dryRun ? 'would refresh' : 'refreshed';
  io.stdout.write(changed.length ? `commlog init --upgrade: ${verb} ${changed.length} file(s): ${changed.join(', ')}\n` : 'commlog init --upgrade: the workflows and templates are up to date\n');
  return EXIT_OK;
}

export const initCommand: Command = {
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      'init',
      argv,
      {
        timezone: { type: 'string' },
        'business-days': { type: 'string' },
        'business-hours': { type: 'string' },
        repository: { type: 'string' },
        empty: { type: 'boolean' },
        force: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        upgrade: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length > 1) throw new UsageError(`one folder at most, not ${positionals.join(' ')} (see commlog init --help)`);
    const root = resolve(io.cwd, positionals[0] ?? values.root ?? '.');
    const choices = { force: Boolean(values.force), dryRun: Boolean(values['dry-run']) };
    if (values.upgrade) return upgrade(root, choices, io);
    const answers = await gatherAnswers(values, io);
    if (!choices.dryRun) mkdirSync(root, { recursive: true });
    return init(root, answers, choices, io);
  },
};
