// A finding's `docs` (`docs/rules.md#<id>`, relative to the commlog repository) as an address a
// reader can open from a terminal, an annotation, a pull request comment or the site: commlog's
// repository on GitHub renders docs/rules.md with an anchor per rule. package.json's
// `repository` names the same place (a test keeps them together).
export const COMMLOG_REPOSITORY_URL = 'https://github.com/commlog/commlog';

/** `docs/rules.md#max-gap` → the address of that section on the default branch. */
export function ruleDocsAddress(docs: string): string {
  return `${COMMLOG_REPOSITORY_URL}/blob/main/${docs}`;
}
