// The packages a check-only install leaves out (optional dependencies, optional peers), which
// some commands need: which of them are missing, and the one message naming them all with the
// one command that installs them.
import { createRequire } from 'node:module';

/**
 * Of `names`, those that `from` (a file or folder path ending in `/`) cannot resolve. A package
 * whose `exports` hide package.json is present all the same.
 */
export function missingPackages(names: readonly string[], from: string): string[] {
  const require = createRequire(from);
  return names.filter((name) => {
    try {
      require.resolve(`${name}/package.json`);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
    }
  });
}

/** "needs the package(s) …, which <whichClause>: run `npm install …`" (at least one name). */
export function missingPackagesText(missing: readonly string[], whichClause: string): string {
  const names = missing.length === 1 ? `the package ${missing[0]}` : `the packages ${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  return `needs ${names}, which ${whichClause}: run \`npm install ${missing.join(' ')}\``;
}
