// Files the writing commands create: never over an existing file (the `wx` flag makes the
// check and the write one step, so two people logging at once cannot clobber each other).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RepositoryError } from './repositoryError.ts';

/** How many same-minute entries of one channel and direction a folder may hold. */
const MAX_SUFFIX = 99;

/**
 * Writes `<dir>/<base>.md`, or `<base>-2.md`, `<base>-3.md` … when taken; returns the path
 * written, relative to `root`, with `/` separators.
 */
export function writeNewEntryFile(root: string, dir: string, base: string, text: string): string {
  mkdirSync(join(root, dir), { recursive: true });
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const path = `${dir}/${base}${n === 1 ? '' : `-${n}`}.md`;
    if (tryCreate(join(root, path), text)) return path;
  }
  throw new RepositoryError(`${dir}/${base}.md and ${MAX_SUFFIX - 1} numbered variants already exist: pass another --at`);
}

/** Writes a new file; an existing one is a usage error, never overwritten. */
export function writeNewFile(path: string, text: string, shown = path): void {
  mkdirSync(dirname(path), { recursive: true });
  if (!tryCreate(path, text)) throw new RepositoryError(`${shown} already exists: commlog never overwrites a file; move it away or choose another name`);
}

function tryCreate(path: string, text: string): boolean {
  try {
    writeFileSync(path, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new RepositoryError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
