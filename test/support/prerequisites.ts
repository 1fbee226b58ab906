// Tests that need something outside the repository (../shared/realdata, the corpus generator,
// Debian's Chromium, tmux) skip without it, and say so in the run's output: a skip is never silent.
import { existsSync } from 'node:fs';

/** True when `path` is missing; then prints which tests skip and why. */
export function missingPrerequisite(path: string, tests: string): boolean {
  if (existsSync(path)) return false;
  console.warn(`[skipped] ${tests}: ${path} is missing`);
  return true;
}
