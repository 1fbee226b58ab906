// Reads a commlog repository from disk into the core's input types. Never throws for a bad
// incident file: what cannot be read becomes an UnreadableFile the core reports.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, parseConfig, type Config } from '../core/config/config.ts';
import { INCIDENT_ID } from '../core/load/loadIncident.ts';
import type { IncidentFiles, InputFile } from '../core/model.ts';
import { RepositoryError } from './repositoryError.ts';
import { printableName } from '../core/present/printableName.ts';

/** Larger files are refused unread: no real log entry or report comes near this. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function readConfig(root: string): Config {
  const read = readRegularFile(join(root, CONFIG_FILE_NAME));
  if ('problem' in read && read.code !== 'ENOENT') throw new ConfigError(`${CONFIG_FILE_NAME}: ${read.problem}`);
  return parseConfig('text' in read ? read.text : undefined);
}

/**
 * The names of the folders under incidents/, sorted, and of the symbolic links there (refused
 * when read, so that `check` reports them). Names are as stored: any character may be in them.
 */
export function listIncidentIds(root: string): string[] {
  let dirents: Dirent[];
  try {
    dirents = readdirSync(join(root, 'incidents'), { withFileTypes: true });
  } catch {
    throw new RepositoryError(`no incidents/ folder in ${root}: run commlog in a commlog repository or pass --root DIR`);
  }
  return dirents
    .filter((d) => d.isDirectory() || d.isSymbolicLink())
    .map((d) => d.name)
    .sort();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// One buffer for every read: a file is read once and never past the limit.
const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);

/**
 * Never follow a symbolic link (a link to /proc/self/environ would publish the build's
 * secrets), never wait on a FIFO (a link to /dev/stdin made `check` hang). Windows has no
 * O_NOFOLLOW: there the folder listings' file types alone keep links out.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const LINK_PROBLEM = 'Symbolic link: commlog reads no link under incidents/ (it could publish any file of the machine that builds the site); put the file or folder itself here';
const SPECIAL_FILE_PROBLEM = 'Not a regular file (a folder, FIFO, device or socket): commlog reads only regular files; put the file itself here';

/** A regular file's text, or why it is not read. Never throws. */
export function readRegularFile(path: string): { text: string } | { problem: string; code?: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    if (!fstatSync(fd).isFile()) return { problem: SPECIAL_FILE_PROBLEM };
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_FILE_BYTES) {
      return { problem: `File is over the ${MAX_FILE_BYTES / 1048576} MiB limit for a commlog file: split it or move attachments out of incidents/` };
    }
    try {
      return { text: utf8.decode(buffer.subarray(0, length)) };
    } catch {
      return { problem: 'File is not UTF-8 text: save it as UTF-8' };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { problem: LINK_PROBLEM };
    return { problem: `File cannot be read: ${code ?? (error as Error).message}`, code };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function readInput(root: string, fsPath: string, path: string): InputFile {
  const read = readRegularFile(join(root, fsPath));
  return 'text' in read ? { path, text: read.text } : { path, problem: read.problem };
}

/** Reads one file of an incident (`fsPath` relative to the root, `path` as the core shows it) into an `F`. */
export type FileReader<F = InputFile> = (root: string, fsPath: string, path: string) => F;

/**
 * One incident folder's files, by its name under incidents/. `read` reads each file (the site's
 * build cache passes one that names a file git knows unmodified by its blob id instead). Reads regular files only: every
 * symbolic link in the folder is refused unread, and a folder whose name is not an incident id
 * is not read at all (the core reports the name; the site never publishes it).
 */
export function readIncidentFiles(root: string, name: string): IncidentFiles;
export function readIncidentFiles<F>(root: string, name: string, read: FileReader<F>): IncidentFiles<F>;
export function readIncidentFiles(root: string, name: string, read: FileReader<unknown> = readInput): IncidentFiles<unknown> {
  const id = printableName(name);
  const dir = `incidents/${id}`;
  const files: IncidentFiles<unknown> = { id, dir, entries: [], strays: [], refused: [] };
  if (!INCIDENT_ID.test(name)) return files;
  const fsDir = `incidents/${name}`;
  if (isSymbolicLink(join(root, fsDir))) {
    files.refusal = LINK_PROBLEM;
    return files;
  }
  for (const d of safeReaddir(join(root, fsDir))) {
    const path = `${dir}/${printableName(d.name)}`;
    if (d.isSymbolicLink()) files.refused!.push({ path, problem: LINK_PROBLEM });
    else if (d.name === 'incident.md') files.incident = read(root, `${fsDir}/${d.name}`, path);
    else if (d.name === 'report.md') files.report = read(root, `${fsDir}/${d.name}`, path);
    else if (d.name === 'log' && d.isDirectory()) readLog(root, `${fsDir}/log`, path, files, read);
    else if (d.isDirectory()) refuseLinksWithin(root, `${fsDir}/${d.name}`, path, files);
    else if (d.name.toLowerCase().endsWith('.md')) files.strays.push(path);
  }
  return files;
}

/** Every `*.md` directly in log/ is an entry; `*.MD` is refused rather than silently skipped. */
function readLog(root: string, fsDir: string, dir: string, files: IncidentFiles<unknown>, read: FileReader<unknown>): void {
  const dirents = safeReaddir(join(root, fsDir)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of dirents) {
    const path = `${dir}/${printableName(d.name)}`;
    if (d.isSymbolicLink()) files.refused!.push({ path, problem: LINK_PROBLEM });
    else if (d.name.endsWith('.md')) files.entries.push(read(root, `${fsDir}/${d.name}`, path));
    else if (/\.md$/i.test(d.name)) {
      const renamed = `${printableName(d.name.slice(0, -3))}.md`;
      files.refused!.push({ path, problem: `Log entry file names end in lower-case .md, and this one is not read: rename it to ${renamed}` });
    } else if (d.isDirectory()) refuseLinksWithin(root, `${fsDir}/${d.name}`, path, files);
  }
}

/** Other folders of an incident are not read, but a link in them is still reported. */
function refuseLinksWithin(root: string, fsDir: string, dir: string, files: IncidentFiles<unknown>): void {
  for (const d of safeReaddir(join(root, fsDir))) {
    const path = `${dir}/${printableName(d.name)}`;
    if (d.isSymbolicLink()) files.refused!.push({ path, problem: LINK_PROBLEM });
    else if (d.isDirectory()) refuseLinksWithin(root, `${fsDir}/${d.name}`, path, files);
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function safeReaddir(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return [];
  }
}
