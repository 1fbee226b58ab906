// A draft is checked by the loader that `commlog check` runs, not by a second set of rules:
// the file about to be written is loaded with its incident's other files, and any error the
// loader finds in it is a usage error naming the flag it came from. Nothing is written then.
import type { Config } from '../../../core/config/config.ts';
import { loadIncident } from '../../../core/load/loadIncident.ts';
import type { IncidentFiles } from '../../../core/model.ts';
import { listIncidentIds, readIncidentFiles } from '../../../node/repository.ts';
import { UsageError } from '../../usageError.ts';

/** Frontmatter keys whose flag is not just the key in kebab case. */
const FLAG_OF_KEY: Record<string, string> = { visibility: '--internal', feedback: '--feedback-rating', commitments: '--commitment', opened_at: '--opened-at', tags: '--tag' };

export interface DraftFile {
  /** Path relative to the root. */
  path: string;
  text: string;
}

/** Throws a UsageError with every error the loader finds in `draft`, on one line. */
export function validateDraft(root: string, config: Config, now: number, id: string, draft: DraftFile): void {
  const ids = listIncidentIds(root);
  const files: IncidentFiles = ids.includes(id) ? readIncidentFiles(root, id) : { id, dir: `incidents/${id}`, entries: [], strays: [] };
  const input = { path: draft.path, text: draft.text };
  if (draft.path.endsWith('/incident.md')) files.incident = input;
  else files.entries = [...files.entries, input];
  const { findings } = loadIncident(files, { config, now, knownIds: new Set([...ids, id]) });
  const problems = findings.filter((f) => f.file === draft.path && f.severity !== 'warning');
  if (problems.length === 0) return;
  throw new UsageError(problems.map((f) => `${flagAt(draft.text, f.line)}${f.message}`).join('; '));
}

/** `--flag: ` for the frontmatter key at `line` (a list item's key is the one above it). */
function flagAt(text: string, line: number | undefined): string {
  if (line === undefined) return '';
  const lines = text.split('\n');
  for (let i = line - 1; i >= 0; i--) {
    const key = /^([a-z_]+):/.exec(lines[i] ?? '')?.[1];
    if (key) return `${FLAG_OF_KEY[key] ?? `--${key.replace(/_/g, '-')}`}: `;
  }
  return '';
}
