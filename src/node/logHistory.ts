// When each log entry was committed, for late-log (quality.md): one `git log` pass over
// incidents/ on the first-parent history (not one git call per file, which would cost minutes
// on a large log), and the shallow clone's boundary. An entry git never added is not committed
// yet; with `--since`, the files added since REF come from `git diff` (gitChanges.ts).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';
import type { LoggedAt, LogHistory } from '../core/quality/logHistory.ts';

const run = promisify(execFile);
/** The log of a large repository lists every file once: well beyond execFile's 1 MB default. */
const MAX_OUTPUT = 1024 * 1024 * 1024;

/** An entry file, relative to the root: `incidents/<id>/log/<name>.md`. */
const ENTRY_PATH = /^incidents\/[^/]+\/log\/[^/]+\.md$/;

/** Why late-log could not read history; `check` says it once in text output. */
export type LogHistoryResult = { history: LogHistory } | { off: string };

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', root, '-c', 'core.quotePath=false', ...args], { maxBuffer: MAX_OUTPUT, encoding: 'utf8' });
  return stdout;
}

/**
 * The history of the log under `root`. Paths are relative to the root even when it is a folder
 * inside the repository. `onlyPaths` (`--since`): judge only these files.
 */
export async function readLogHistory(root: string, onlyPaths?: ReadonlySet<string>): Promise<LogHistoryResult> {
  let info: string[];
  try {
    info = (await git(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--git-path', 'shallow'])).split('\n');
  } catch {
    return { off: `late-log is off: ${root} is not inside a git work tree` };
  }
  if (info[0] !== 'true') return { off: `late-log is off: ${root} is not inside a git work tree` };
  const shallow = info[1] === 'true';
  const boundary = shallow ? shallowCommits(root, info[2]) : new Set<string>();

  const loggedAt = new Map<string, LoggedAt>();
  const hasCommits = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).then(
    () => true,
    () => false,
  );
  if (hasCommits) {
    // Newest first; -M follows a renamed entry to the commit that first added it. A merge is
    // compared with its first parent, so an entry merged from a pull request counts from the merge.
    const log = await git(root, ['log', '--first-parent', '--diff-merges=first-parent', '-M', '--diff-filter=AR', '--name-status', '-z', '--relative', '--format=%x01%H %at', '--', 'incidents/']);
    addCommits(loggedAt, parseLog(log), boundary);
  }
  // Without --since every file git never added is not committed yet: no second pass over the
  // working tree is needed to find the untracked and the only staged ones.
  for (const path of loggedAt.keys()) {
    if (!ENTRY_PATH.test(path) || (onlyPaths && !onlyPaths.has(path))) loggedAt.delete(path);
  }
  for (const path of onlyPaths ?? []) {
    if (ENTRY_PATH.test(path) && !loggedAt.has(path)) loggedAt.set(path, 'uncommitted');
  }
  return { history: { loggedAt, unlisted: onlyPaths ? 'not-judged' : 'uncommitted', shallow } };
}

function shallowCommits(root: string, gitPath: string): Set<string> {
  try {
    const text = readFileSync(isAbsolute(gitPath) ? gitPath : join(root, gitPath), 'utf8');
    return new Set(text.split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

interface LoggedCommit {
  hash: string;
  /** Author date, epoch ms. */
  at: number;
  changes: { status: 'A' | 'R'; path: string; from?: string }[];
}

/** `git log --name-status -z --format=%x01%H %at`: a header per commit, then status and path(s). */
function parseLog(output: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const chunk of output.split('\x01')) {
    if (!chunk) continue;
    const fields = chunk.split('\0');
    const [hash, seconds] = fields[0].split(' ');
    const commit: LoggedCommit = { hash, at: Number(seconds) * 1000, changes: [] };
    for (let i = 1; i < fields.length; ) {
      const status = fields[i++].replace(/^\n/, '');
      if (status.startsWith('R')) {
        commit.changes.push({ status: 'R', from: fields[i], path: fields[i + 1] });
        i += 2;
      } else if (status === 'A') commit.changes.push({ status: 'A', path: fields[i++] });
      else if (status === '') continue;
      else i++;
    }
    commits.push(commit);
  }
  return commits;
}

/** Oldest first: a file keeps the first commit that added it; a renamed one its original's. */
function addCommits(loggedAt: Map<string, LoggedAt>, newestFirst: LoggedCommit[], boundary: ReadonlySet<string>): void {
  for (let c = newestFirst.length - 1; c >= 0; c--) {
    const commit = newestFirst[c];
    const when: LoggedAt = boundary.has(commit.hash) ? 'shallow' : commit.at;
    for (const change of commit.changes) {
      if (loggedAt.has(change.path)) continue;
      const original = change.from === undefined ? undefined : loggedAt.get(change.from);
      loggedAt.set(change.path, original ?? when);
    }
  }
}
