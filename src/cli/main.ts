// The `commlog` command: dispatches to sub-commands and turns usage and configuration
// problems into one line on stderr and exit code 2 — never a stack trace for bad input.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/config/config.ts';
import { UsageError } from '../node/repository.ts';
import { checkCommand } from './commands/check.ts';
import { dueCommand } from './commands/due.ts';
import { commentCommand } from './commands/comment.ts';
import { remindCommand } from './commands/remind.ts';
import { newCommand } from './commands/new.ts';
import { importEmailCommand } from './commands/importEmail.ts';
import { reportCommand } from './commands/report.ts';
import { confirmCommand } from './commands/confirm.ts';
import { weeklyCommand } from './commands/weekly.ts';
import { draftCommand } from './commands/draft.ts';
import { EXIT_USAGE, type CliIO, type Command } from './io.ts';

const COMMANDS: Command[] = [checkCommand, dueCommand, remindCommand, commentCommand, newCommand, importEmailCommand, reportCommand, confirmCommand, weeklyCommand, draftCommand];

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
    'Exit codes: 0 done, 1 check found errors, 2 usage or configuration problem.',
    '',
  ].join('\n');
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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`commlog: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see commlog --help)\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`commlog ${command.name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // A bug, not bad input: one line, and the stack only on request.
    io.stderr.write(`commlog ${command.name}: internal error: ${(error as Error).message} (set COMMLOG_DEBUG=1 for details, and please report it)\n`);
    if (io.env.COMMLOG_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return EXIT_USAGE;
  }
}
