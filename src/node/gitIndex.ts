// What git's index says of the files under incidents/, so that the site's build cache can key an
// incident by its files' blob ids instead of reading and hashing every file (docs/decisions.md,
// "Build cache"). A file is named by its blob id only when git tracks it as a regular file and
// `git status` finds it unmodified; any other file (modified, staged differently, untracked,
// ignored, in conflict) is read and hashed as before. Outside a git work tree, or when git
// fails, there are no ids and every file is read.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GitContentIds {
  /** Blob id per clean tracked file, by its path relative to the repository root given. */
  ids: Map<string, string>;
  /** What else decides a checked-out file's bytes from its blob: eol and filter settings, attributes. */
  checkout: string;
}

const MAX_OUTPUT = 1 << 30;

function git(root: string, args: string[]): string {
  return execFileSync('git', ['--no-optional-locks', '-C', root, ...args], { encoding: 'utf8', maxBuffer: MAX_OUTPUT, stdio: ['ignore', 'pipe', 'ignore'] });
}

export function gitContentIds(root: string): GitContentIds | undefined {
  try {
    if (git(root, ['rev-parse', '--is-inside-work-tree']).trim() !== 'true') return undefined;
    const prefix = git(root, ['rev-parse', '--show-prefix']).replace(/\n$/, '');
    const ids = new Map<string, string>();
    // `<mode> <blob> <stage>\t<path>`, paths relative to `root`.
    for (const line of git(root, ['ls-files', '-s', '-z', '--', 'incidents']).split('\0')) {
      const match = /^(100644|100755) ([0-9a-f]+) 0\t(.*)$/s.exec(line);
      if (match) ids.set(match[3], match[2]);
    }
    // Porcelain paths are relative to the top of the work tree; a rename names both paths.
    const status = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=no', '--ignore-submodules=all', '--', 'incidents']).split('\0');
    for (let i = 0; i < status.length; i++) {
      const record = status[i];
      if (record.length < 4) continue;
      const drop = (path: string) => path.startsWith(prefix) && ids.delete(path.slice(prefix.length));
      drop(record.slice(3));
      if (record[0] === 'R' || record[0] === 'C') drop(status[++i] ?? '');
    }
    return { ids, checkout: checkoutSettings(root) };
  } catch {
    return undefined;
  }
}

/** Settings under which the same blob could be checked out as other bytes (line ends, filters). */
function checkoutSettings(root: string): string {
  const settings: string[] = [];
  try {
    settings.push(git(root, ['config', '--get-regexp', '^(core\\.(autocrlf|eol|attributesfile)|filter\\..*)$']));
  } catch {
    // None set: git exits with 1.
  }
  const gitDir = git(root, ['rev-parse', '--absolute-git-dir']).trim();
  for (const path of [join(gitDir, 'info/attributes'), ...trackedAttributesFiles(root)]) {
    try {
      settings.push(path, readFileSync(path, 'utf8'));
    } catch {
      settings.push(path, '');
    }
  }
  return settings.join('\0');
}

/** Every .gitattributes file git tracks, read as it is on disk (a modified one is not its blob). */
function trackedAttributesFiles(root: string): string[] {
  const top = git(root, ['rev-parse', '--show-toplevel']).trim();
  return git(root, ['ls-files', '-z', '--full-name', '--', ':(top,glob)**/.gitattributes'])
    .split('\0')
    .filter(Boolean)
    .map((p) => join(top, p));
}
