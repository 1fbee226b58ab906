// Reads a commlog repository from disk into the core's input types. Never throws for a bad
// incident file: what cannot be read becomes an UnreadableFile the core reports.
import { closeSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, parseConfig, type Config } from '../core/config/config.ts';
import type { IncidentFiles, InputFile } from '../core/model.ts';
import { RepositoryError } from './repositoryError.ts';

/** Larger files are refused unread: no real log entry or report comes near this. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function readConfig(root: string): Config {
  let text: string | undefined;
  try {
    text = readFileSync(join(root, CONFIG_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`${CONFIG_FILE_NAME}: cannot be read (${(error as Error).message})`);
    }
  }
  return parseConfig(text);
}

/** The names of the folders under incidents/, sorted. */
export function listIncidentIds(root: string): string[] {
  let dirents: Dirent[];
  try {
    dirents = readdirSync(join(root, 'incidents'), { withFileTypes: true });
  } catch {
    throw new RepositoryError(`no incidents/ folder in ${root}: run commlog in a commlog repository or pass --root DIR`);
  }
  return dirents
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// One buffer for every read: a file is read once, with no stat, and never past the limit.
const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);

function readInput(root: string, path: string): InputFile {
  let fd: number | undefined;
  try {
    fd = openSync(join(root, path), 'r');
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_FILE_BYTES) {
      return { path, problem: `File is over the ${MAX_FILE_BYTES / 1048576} MiB limit for a commlog file: split it or move attachments out of incidents/` };
    }
    try {
      return { path, text: utf8.decode(buffer.subarray(0, length)) };
    } catch {
      return { path, problem: 'File is not UTF-8 text: save it as UTF-8' };
    }
  } catch (error) {
    return { path, problem: `File cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** One incident folder's files. */
export function readIncidentFiles(root: string, id: string): IncidentFiles {
  const dir = `incidents/${id}`;
  const files: IncidentFiles = { id, dir, entries: [], strays: [] };
  for (const d of safeReaddir(join(root, dir))) {
    if (!d.isFile() && !d.isSymbolicLink()) continue;
    if (d.name === 'incident.md') files.incident = readInput(root, `${dir}/incident.md`);
    else if (d.name === 'report.md') files.report = readInput(root, `${dir}/report.md`);
    else if (d.name.toLowerCase().endsWith('.md')) files.strays.push(`${dir}/${d.name}`);
  }
  const logDir = `${dir}/log`;
  const names = safeReaddir(join(root, logDir))
    .filter((d) => (d.isFile() || d.isSymbolicLink()) && d.name.endsWith('.md'))
    .map((d) => d.name)
    .sort();
  for (const name of names) {
    const path = `${logDir}/${name}`;
    files.entries.push(readInput(root, path));
  }
  return files;
}

function safeReaddir(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return [];
  }
}
