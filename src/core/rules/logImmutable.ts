// log-immutable: the log is append-only. With `--since REF`, every file under
// incidents/*/log/ that existed at REF and was edited, renamed or deleted is one finding.
import type { Finding } from '../findings.ts';
import { defineRule } from './rule.ts';

/** Its findings come from `check --since REF` (node/checkRepository.ts), not from a run on one incident. */
export const logImmutableRule = defineRule({
  id: 'log-immutable',
  family: 'validity',
  severity: 'error',
  summary: 'an entry present at the base commit was edited, renamed or deleted',
  docs: 'With `--since REF` only: every file under `incidents/*/log/` in REF\'s tree that is modified, deleted or renamed in the working tree, one finding per file. The log is append-only: restore the entry and add a new one with `corrects: <file name>` instead.',
});

export interface FileChange {
  kind: 'edited' | 'renamed' | 'deleted';
  /** Path at the ref, relative to the root. */
  path: string;
  /** New path, for renames. */
  renamedTo?: string;
}

const LOG_FILE = /^incidents\/([^/]+)\/log\/(.+)$/;

export function logImmutable(changes: readonly FileChange[], ref: string): Omit<Finding, 'severity' | 'zone' | 'docs'>[] {
  const findings: Omit<Finding, 'severity' | 'zone' | 'docs'>[] = [];
  for (const change of changes) {
    const match = LOG_FILE.exec(change.path);
    if (!match) continue;
    const [, incident, name] = match;
    const fix = `the log is append-only: restore it as it was at ${ref} and add a new entry with "corrects: ${name}" instead`;
    if (change.kind === 'edited') {
      findings.push({ rule: 'log-immutable', incident, file: change.path, line: 1, message: `Log entry ${name} was edited after it landed (it is in ${ref}): ${fix}` });
    } else if (change.kind === 'deleted') {
      findings.push({ rule: 'log-immutable', incident, file: change.path, message: `Log entry ${name} was deleted after it landed (it is in ${ref}): ${fix}` });
    } else {
      findings.push({ rule: 'log-immutable', incident, file: change.renamedTo ?? change.path, line: 1, message: `Log entry ${name} was renamed to ${change.renamedTo} after it landed (it is in ${ref}): ${fix}` });
    }
  }
  return findings;
}
