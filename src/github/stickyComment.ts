// Keeps exactly one commlog comment on a pull request: found by its marker on a comment by a
// bot account (the workflow token's github-actions[bot]; a person who pastes the marker never
// has their comment edited or deleted), created once, edited on every later run, left alone
// when nothing changed, and any duplicate (two runs that raced) deleted.
import { attempt, type Octokit, type Repository } from './client.ts';
import { STICKY_COMMENT_MARKER } from './pullRequestComment.ts';

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
  /** Ids of duplicate commlog comments that were deleted. */
  deleted: number[];
}

const PERMISSION = 'pull-requests: write';

export async function upsertStickyComment(octokit: Octokit, repository: Repository, pullRequest: number, body: string): Promise<StickyCommentResult> {
  if (!body.startsWith(STICKY_COMMENT_MARKER)) throw new Error('a sticky comment body must start with its marker');
  const comments = await attempt({ doing: `list the comments of pull request #${pullRequest}`, permission: 'pull-requests: read' }, () =>
    octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repository, issue_number: pullRequest, per_page: 100 }),
  );
  // GitHub types comment ids as 64-bit integers; ids so far are well within a double.
  const ours = comments
    .filter((c) => c.user?.type === 'Bot' && (c.body ?? '').trimStart().startsWith(STICKY_COMMENT_MARKER))
    .map((c) => ({ ...c, id: Number(c.id) }))
    .sort((a, b) => a.id - b.id);
  const [kept, ...duplicates] = ours;

  const deleted: number[] = [];
  for (const duplicate of duplicates) {
    await attempt({ doing: `delete the duplicate commlog comment ${duplicate.id}`, permission: PERMISSION }, () =>
      octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repository, comment_id: duplicate.id }),
    );
    deleted.push(duplicate.id);
  }

  if (!kept) {
    const created = await attempt({ doing: `comment on pull request #${pullRequest}`, permission: PERMISSION }, () =>
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repository, issue_number: pullRequest, body }),
    );
    return { action: 'created', id: Number(created.data.id), url: created.data.html_url, deleted };
  }
  if (kept.body === body) return { action: 'unchanged', id: kept.id, url: kept.html_url, deleted };
  const updated = await attempt({ doing: `update the commlog comment on pull request #${pullRequest}`, permission: PERMISSION }, () =>
    octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repository, comment_id: kept.id, body }),
  );
  return { action: 'updated', id: Number(updated.data.id), url: updated.data.html_url, deleted };
}
