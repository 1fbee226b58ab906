// Message templates on disk: the repository's own templates/ first, then the ones bundled with
// commlog, so a team can reword a template by adding a file of the same name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RepositoryError } from './repositoryError.ts';

const BUNDLED = fileURLToPath(new URL('../../templates/', import.meta.url));
const NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface TemplateFile {
  name: string;
  /** Where it was found, for messages. */
  path: string;
  text: string;
}

export function readTemplate(root: string, name: string): TemplateFile {
  if (!NAME.test(name)) throw new RepositoryError(`--template "${name}": a template name is lower-case letters, digits and - (e.g. outage-update-client)`);
  for (const dir of [join(root, 'templates'), BUNDLED]) {
    try {
      const path = join(dir, `${name}.md`);
      return { name, path, text: readFileSync(path, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new RepositoryError(`cannot read template ${name}: ${(error as Error).message}`);
    }
  }
  throw new RepositoryError(`no template "${name}" (templates: ${listTemplates(root).join(', ')})`);
}

/** Every template name available to the repository, sorted. */
export function listTemplates(root: string): string[] {
  const names = new Set<string>();
  for (const dir of [join(root, 'templates'), BUNDLED]) {
    try {
      for (const f of readdirSync(dir)) if (f.endsWith('.md') && f !== 'README.md') names.add(f.slice(0, -3));
    } catch {
      // no templates/ folder in the repository: the bundled ones remain
    }
  }
  return [...names].sort();
}
