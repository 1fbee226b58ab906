// schema: a file cannot be read, its frontmatter is not YAML, or a field is missing or wrong
// (rules.md). Its findings come from loading (load/loadIncident.ts), not from a run.
import { defineRule } from './rule.ts';

export const schema = defineRule({
  id: 'schema',
  family: 'validity',
  severity: 'error',
  summary: 'a file cannot be read, its frontmatter is not YAML, or a field is missing or wrong',
  docs: "One finding per problem, at the file and, where the YAML gives it, the line of the offending key; the rest of the repository is still checked. Also: an unknown `done` id, a duplicate commitment id, `next_update_by` before `at`, `resolved_at` before `opened_at` or on an `open` incident, and (as warnings) an `at` after Now, an unknown id in `related`, and an unknown field (a typo such as `next_udpate_by`). Fix the file as the message says.",
});
