// What changed under incidents/ between a git ref and the working tree, for `check --since`.
import { simpleGit } from 'simple-git';
import type { FileChange } from '../core/rules/logImmutable.ts';
import { RepositoryError } from './repositoryError.ts';

export interface ChangesSince {
  /** Ids of incidents with any file changed, added, renamed or deleted. */
  incidentIds: Set<string>;
  /** Changes to files that existed at the ref (edits, renames, deletions). */
  changes: FileChange[];
  /** Files added since the ref, committed or not. */
  addedPaths: Set<string>;
}

export async function changesSince(root: string, ref: string): Promise<ChangesSince> {
  const git = simpleGit({ baseDir: root });
  if (!(await git.checkIsRepo().catch(() => false))) {
    throw new RepositoryError(`--since needs a git repository, and ${root} is not in one`);
  }
  try {
    await git.raw(['rev-parse', '--verify', `${ref}^{commit}`]);
  } catch {
    throw new RepositoryError(`--since "${ref}": no such commit in this repository (in CI, fetch the full history: actions/checkout with fetch-depth: 0)`);
  }
  // --relative: paths relative to the root, even when the root is a folder inside the repository.
  const diff = await git.raw(['diff', '--relative', '--name-status', '-M', '-z', ref, '--', 'incidents/']);
  const untracked = await git.raw(['ls-files', '--others', '--exclude-standard', '-z', '--', 'incidents/']);
  const changes = parseNameStatus(diff);
  const incidentIds = new Set<string>();
  // `incidents/<name>` alone is a link (git stores one as a file): it is checked, and refused,
  // like a changed folder.
  const addId = (path: string) => {
    const match = /^incidents\/([^/]+)(?:\/|$)/.exec(path);
    if (match) incidentIds.add(match[1]);
  };
  for (const c of changes) {
    addId(c.path);
    if (c.renamedTo) addId(c.renamedTo);
  }
  const addedPaths = new Set(changes.filter((c) => c.kind === 'added').map((c) => c.path));
  for (const path of untracked.split('\0')) {
    if (!path) continue;
    addId(path);
    addedPaths.add(path);
  }
  return { incidentIds, changes: changes.filter((c): c is FileChange => c.kind !== 'added'), addedPaths };
}

type Change = FileChange | { kind: 'added'; path: string; renamedTo?: undefined };

/** `git diff --name-status -z` output: status, then one path (two for renames and copies). */
function parseNameStatus(output: string): Change[] {
  const fields = output.split('\0').filter((f) => f !== '');
  const out: Change[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (status.startsWith('R')) {
      out.push({ kind: 'renamed', path: fields[i], renamedTo: fields[i + 1] });
      i += 2;
    } else if (status.startsWith('C')) {
      out.push({ kind: 'added', path: fields[i + 1] });
      i += 2;
    } else {
      const path = fields[i++];
      if (status === 'D') out.push({ kind: 'deleted', path });
      else if (status === 'A') out.push({ kind: 'added', path });
      else out.push({ kind: 'edited', path });
    }
  }
  return out;
}
