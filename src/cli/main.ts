// The `commlog` command: dispatches to sub-commands and turns usage and configuration
// problems into one line on stderr and exit code 2 — never a stack trace for bad input. A bug
// is told apart: exit 70 and a line asking for a report.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/config/config.ts';
import { missingPackages, missingPackagesText } from '../node/optionalPackages.ts';
import { RepositoryError } from '../node/repositoryError.ts';
import { EXIT_INTERNAL, EXIT_USAGE, type CliIO, type Command } from './io.ts';
import { UsageError } from './usageError.ts';

interface CommandEntry {
  name: string;
  /** One line for `commlog --help`. */
  summary: string;
  /** Loaded on use: a check need not load the mail parser or the GitHub client. */
  load: () => Promise<Command>;
  /** The optional dependencies its module imports (package.json), which a check-only install leaves out. */
  needs?: readonly string[];
}

const READ_EMAIL = ['mailparser', 'html-to-text'];
const WRITE_EMAIL = ['nodemailer'];

export const COMMANDS: CommandEntry[] = [
  { name: 'init', summary: 'make a folder a log repository: package.json, config, workflows, site (--upgrade refreshes the workflows)', load: async () => (await import('./commands/init.ts')).initCommand },
  { name: 'check', summary: 'check incidents against the data format and the communication policy', load: async () => (await import('./commands/check.ts')).checkCommand },
  { name: 'due', summary: 'what is owed to whom next, overdue first', load: async () => (await import('./commands/due.ts')).dueCommand },
  { name: 'policy', summary: 'the policy that judges an incident, layer by layer (per client, changes over time)', load: async () => (await import('./commands/policy.ts')).policyCommand },
  { name: 'new', summary: 'scaffold a new incident or log entry (asks on a terminal)', load: async () => (await import('./commands/new.ts')).newCommand },
  { name: 'import-email', summary: 'turn an e-mail (.eml) into a log entry', load: async () => (await import('./commands/importEmail.ts')).importEmailCommand, needs: READ_EMAIL },
  { name: 'import-mailbox', summary: 'import the support mailbox over IMAP: each message to its incident, then to a done folder', load: async () => (await import('./commands/importMailbox.ts')).importMailboxCommand, needs: ['imapflow', ...READ_EMAIL] },
  { name: 'import-statuspage', summary: 'import the history of a status page (Atlassian Statuspage JSON, cState Markdown)', load: async () => (await import('./commands/importStatuspage.ts')).importStatuspageCommand },
  { name: 'report', summary: "draft an incident's report.md from incident.md and the log", load: async () => (await import('./commands/report.ts')).reportCommand },
  { name: 'confirm', summary: 'put a conversation in writing: a confirmation as Markdown or an e-mail draft', load: async () => (await import('./commands/confirm.ts')).confirmCommand, needs: WRITE_EMAIL },
  { name: 'share-report', summary: 'circulate report.md to the client: an e-mail draft and the report-sent entry to log', load: async () => (await import('./commands/shareReport.ts')).shareReportCommand, needs: WRITE_EMAIL },
  { name: 'categories', summary: 'the upkeep view of the contact descriptions: use, first and last use, never used, uncategorised', load: async () => (await import('./commands/categories.ts')).categoriesCommand },
  { name: 'weekly', summary: "the PM's weekly status update of every incident open that week", load: async () => (await import('./commands/weekly.ts')).weeklyCommand },
  { name: 'draft', summary: 'draft a message from a template (acknowledgement, update, resolved, maintenance)', load: async () => (await import('./commands/draft.ts')).draftCommand, needs: WRITE_EMAIL },
  { name: 'site', summary: 'build the archive site: the internal one and each client site of `site.clients` (site build --client NAME: one)', load: async () => (await import('./commands/site.ts')).siteCommand },
  { name: 'remind', summary: 'keep one GitHub issue per open incident with an obligation overdue or due soon', load: async () => (await import('./commands/remind.ts')).remindCommand },
  { name: 'comment', summary: 'keep one comment on the pull request with the findings of `check --format json`', load: async () => (await import('./commands/comment.ts')).commentCommand },
];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'commlog — the client communication log of software incidents, kept as data in git',
    '',
    'Usage: commlog <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --root DIR (default: the current directory) and --help.',
    'Exit codes: 0 done, 1 check found errors, 2 usage or configuration problem,',
    `${EXIT_INTERNAL} internal error (a bug in commlog: please report it).`,
    '',
  ].join('\n');
}

/**
 * The packages a command's module could not import (optional dependencies left out), if that is
 * what failed: every one of those it needs that is missing, not only the first import that failed.
 */
function missingPackagesOf(entry: CommandEntry, error: unknown): string[] | undefined {
  if ((error as NodeJS.ErrnoException)?.code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const failed = /Cannot find package '([^']+)'/.exec((error as Error).message)?.[1];
  if (failed === undefined) return undefined;
  const missing = missingPackages(entry.needs ?? [], import.meta.url);
  return missing.includes(failed) ? missing : [...missing, failed];
}

const processIO: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`commlog: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see commlog --help)\n`);
    return EXIT_USAGE;
  }
  let command: Command;
  try {
    command = await entry.load();
  } catch (error) {
    const missing = missingPackagesOf(entry, error);
    if (!missing) throw error;
    io.stderr.write(`commlog ${name}: ${missingPackagesText(missing, 'this installation left out (as `npm ci --omit=optional` does)')}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return 0;
  }
  return runCommand(name, command, rest, io);
}

/** Runs one sub-command, turning what it throws into one line on stderr and an exit code. */
export async function runCommand(name: string, command: Command, argv: string[], io: CliIO): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) io.stderr.write(`commlog ${name}: ${problem}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError || error instanceof RepositoryError) {
      io.stderr.write(`commlog ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // A bug, not bad input: one line, and the stack only on request.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`commlog ${name}: internal error: ${message}\n`);
    io.stderr.write(`This is a bug in commlog, not a problem with your data: please report it with the command you ran${io.env.COMMLOG_DEBUG ? '' : ' and the details COMMLOG_DEBUG=1 prints'}.\n`);
    if (io.env.COMMLOG_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}
