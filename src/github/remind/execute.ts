// `commlog remind`, the GitHub half: read the reminder issues and carry out the planned actions.
import { attempt, GitHubError, type Logger, type Octokit, type Repository } from '../client.ts';
import { readReminderState, type ReminderAction, type ReminderIssue } from './plan.ts';

const WRITE = 'issues: write';

/**
 * Every issue, open or closed, that commlog opened as a reminder. Filtered on the first
 * configured label (GitHub filters server-side), then on its author and the state marker in
 * the body: only an issue a bot account opened (the workflow token's github-actions[bot]) is
 * trusted, so a person who opens an issue with a copy of the marker never has it edited,
 * assigned or closed, nor steers what commlog believes it assigned.
 */
export async function listReminderIssues(octokit: Octokit, repository: Repository, labels: readonly string[]): Promise<ReminderIssue[]> {
  const issues = await attempt({ doing: 'list the reminder issues', permission: 'issues: read' }, () =>
    octokit.paginate('GET /repos/{owner}/{repo}/issues', {
      ...repository,
      state: 'all',
      per_page: 100,
      ...(labels.length ? { labels: labels[0] } : {}),
    }),
  );
  return issues
    .filter((i) => !i.pull_request && i.user?.type === 'Bot' && hasLabel(i.labels, labels[0]) && readReminderState(i.body ?? '') !== undefined)
    .map((i) => ({
      number: i.number,
      title: i.title,
      body: i.body ?? '',
      state: i.state === 'closed' ? 'closed' : 'open',
      labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
      assignees: (i.assignees ?? []).map((a) => a.login),
    }));
}

function hasLabel(labels: ReadonlyArray<string | { name?: string }>, wanted: string | undefined): boolean {
  return wanted === undefined || labels.some((l) => (typeof l === 'string' ? l : l.name) === wanted);
}

export interface AppliedAction {
  action: ReminderAction;
  /** The issue acted on (the new one's number for `open`). */
  issue?: number;
}

export async function applyReminderActions(octokit: Octokit, repository: Repository, actions: readonly ReminderAction[], log: Logger): Promise<AppliedAction[]> {
  const applied: AppliedAction[] = [];
  for (const action of actions) {
    if (action.kind === 'nothing') {
      applied.push({ action, issue: action.issue });
    } else if (action.kind === 'open') {
      applied.push({ action, issue: await openIssue(octokit, repository, action, log) });
    } else if (action.kind === 'update') {
      await updateIssue(octokit, repository, action);
      applied.push({ action, issue: action.issue });
    } else {
      await attempt({ doing: `comment on issue #${action.issue}`, permission: WRITE }, () =>
        octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repository, issue_number: action.issue, body: action.comment }),
      );
      await attempt({ doing: `close issue #${action.issue}`, permission: WRITE }, () =>
        octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...repository, issue_number: action.issue, state: 'closed', state_reason: action.reason }),
      );
      applied.push({ action, issue: action.issue });
    }
  }
  return applied;
}

async function openIssue(octokit: Octokit, repository: Repository, action: Extract<ReminderAction, { kind: 'open' }>, log: Logger): Promise<number> {
  const create = (assignees: string[]) =>
    attempt({ doing: `open a reminder issue for ${action.incident}`, permission: WRITE }, () =>
      octokit.request('POST /repos/{owner}/{repo}/issues', { ...repository, title: action.title, body: action.body, labels: action.labels, assignees }),
    );
  try {
    return (await create(action.assignees)).data.number;
  } catch (error) {
    // A login that cannot be assigned (a typo in github.logins, no access to the repository)
    // must not stop the reminder itself.
    if (!(error instanceof GitHubError) || error.status !== 422 || action.assignees.length === 0) throw error;
    log.warn(`could not assign ${action.assignees.join(', ')} to the reminder for ${action.incident} (${error.message}); opening it unassigned: check github.logins`);
    return (await create([])).data.number;
  }
}

async function updateIssue(octokit: Octokit, repository: Repository, action: Extract<ReminderAction, { kind: 'update' }>): Promise<void> {
  const fields = {
    ...(action.title === undefined ? {} : { title: action.title }),
    ...(action.body === undefined ? {} : { body: action.body }),
    ...(action.assignees === undefined ? {} : { assignees: action.assignees }),
    ...(action.reopen ? { state: 'open' as const } : {}),
  };
  if (Object.keys(fields).length > 0) {
    await attempt({ doing: `update issue #${action.issue}`, permission: WRITE }, () => octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...repository, issue_number: action.issue, ...fields }));
  }
  if (action.addLabels.length > 0) {
    await attempt({ doing: `label issue #${action.issue}`, permission: WRITE }, () =>
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...repository, issue_number: action.issue, labels: action.addLabels }),
    );
  }
  if (action.comment !== undefined) {
    const body = action.comment;
    await attempt({ doing: `comment on issue #${action.issue}`, permission: WRITE }, () => octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repository, issue_number: action.issue, body }));
  }
}
