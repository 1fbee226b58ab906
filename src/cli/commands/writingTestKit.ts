// Test helpers for the writing commands: a fresh copy of the fixture repository, the command
// run in-process, and `check`'s findings on the result.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.ts';

export const WRITING_FIXTURE = join(import.meta.dirname, 'fixtures/writing');
export const OPEN_INCIDENT = '2026-11-02-acme-checkout-500';
export const RESOLVED_INCIDENT = '2026-10-26-acme-slow-search';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A writable copy of the fixture repository; `dispose` removes it. */
export function copyFixture(): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'commlog-writing-'));
  cpSync(WRITING_FIXTURE, root, { recursive: true });
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export async function commlog(argv: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t), isTTY: false }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd });
  return { code, stdout, stderr };
}

export interface CheckFinding {
  rule: string;
  severity: string;
  incident: string;
  file: string;
  line?: number;
  message: string;
}

/** `commlog check --format json` on the repository as of `now`. */
export async function checkFindings(root: string, now: string, ids: string[] = []): Promise<CheckFinding[]> {
  const result = await commlog(['check', ...ids, '--root', root, '--format', 'json', '--now', now], root);
  return (JSON.parse(result.stdout) as { findings: CheckFinding[] }).findings;
}
