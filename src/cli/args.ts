// Flag parsing shared by every sub-command: node's parseArgs, strict, with --root and --help.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { parseTimestamp, timestampProblem } from '../core/time/timestamp.ts';
import { UsageError } from './usageError.ts';

export const COMMON_OPTIONS = {
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

export function parseCommandArgs<const T extends ParseArgsOptionsConfig>(command: string, argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')} (see commlog ${command} --help)`);
  }
}

export function rootOf(values: { root?: string }, cwd: string): string {
  return resolve(cwd, values.root ?? '.');
}

/**
 * The one parser of time flags (`--now`, `--at`, `--opened-at`, `--next-update-by` …): a
 * timestamp of the data's forms; without an offset, read in `zone`.
 */
export function parseTimeFlag(flag: string, text: string, zone: string): number {
  const problem = timestampProblem(text);
  if (problem) throw new UsageError(`${flag} "${text}": ${problem}`);
  return parseTimestamp(text, zone);
}

/** `--now TIME` (read in the config's `timezone` when it has no offset), else the clock: the one place a command reads it. */
export function parseNow(text: string | undefined, zone: string): number {
  return text === undefined ? Date.now() : parseTimeFlag('--now', text, zone);
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} "${value}": expected one of ${allowed.join(', ')}`);
  return value as T;
}
