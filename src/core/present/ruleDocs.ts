// A finding's `docs` (`docs/rules.md#<id>`, relative to the commlog repository) as an address a
// reader can open from a terminal, an annotation, a pull request comment or the site: commlog's
// repository on GitHub renders docs/rules.md with an anchor per rule. package.json's
// `repository` and `homepage` (and create-commlog's) name the same place: present.test.ts keeps
// them together. The core cannot read package.json itself (no file system; the published lib/
// is compiled from src/ alone), so the address is written here once for the code.
export const COMMLOG_REPOSITORY_URL = 'https://github.com/commlog/commlog';

/** `docs/rules.md#max-gap` → the address of that section on the default branch. */
export function ruleDocsAddress(docs: string): string {
  return `${COMMLOG_REPOSITORY_URL}/blob/main/${docs}`;
}
