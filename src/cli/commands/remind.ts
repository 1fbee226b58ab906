// `commlog remind`: one GitHub issue per open incident with an obligation overdue or due
// within the lead time, kept in step with `commlog due`. Idempotent; `--dry-run` only plans.
import { dueObligations, type Obligation } from '../../core/obligations/due.ts';
import { cadenceContext } from '../../core/cadence/context.ts';
import { parseDuration } from '../../core/time/timestamp.ts';
import { createGitHubClient, GitHubError, parseRepository, tokenFromEnv } from '../../github/client.ts';
import { applyReminderActions, listReminderIssues } from '../../github/remind/execute.ts';
import { planReminders, type RemindIncident, type ReminderAction } from '../../github/remind/plan.ts';
import { loadValidIncidents } from '../../node/loadIncidents.ts';
import { readConfig } from '../../node/repository.ts';
import { UsageError } from '../usageError.ts';
import { parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { EXIT_OK, EXIT_USAGE, type Command } from '../io.ts';
import { plural } from '../../core/present/plural.ts';

export const remindCommand: Command = {
  help: `Usage: commlog remind [options]

Keeps one GitHub issue per open incident that has an obligation (see commlog due) overdue
or due within the lead time: opens it, updates it as the situation changes, assigns it to
the incident's owner and backup (github.logins maps staff handles to GitHub logins), labels
it (github.labels) and closes it when nothing is owed. Running it twice in a row changes
nothing the second time.

Options:
  --within DURATION   lead time, such as 30m or 1h (default: github.remind_within, 30m)
  --now TIME          evaluate as of TIME (default: now)
  --dry-run           print what would be done; change nothing
  --repo OWNER/NAME   the repository for the issues (default: $GITHUB_REPOSITORY)
  --branch NAME       the branch links point at (default: $GITHUB_REF_NAME, else main)
  --root DIR          the repository on disk (default: the current directory)
  -h, --help          show this help

Environment: GITHUB_TOKEN (or GH_TOKEN) with issues: write (read is enough for --dry-run);
GITHUB_API_URL and GITHUB_SERVER_URL for GitHub Enterprise Server.

Exit codes: 0 done, 2 usage, configuration or GitHub problem (one line on stderr).
`,
  async run(argv, io) {
    const { values } = parseCommandArgs('remind', argv, {
      within: { type: 'string' },
      now: { type: 'string' },
      'dry-run': { type: 'boolean' },
      repo: { type: 'string' },
      branch: { type: 'string' },
    });
    const root = rootOf(values, io.cwd);
    const config = readConfig(root);
    const now = parseNow(values.now, config.timezone);
    const within = values.within === undefined ? config.github.remindWithin : parseDuration(values.within);
    if (within === null) throw new UsageError(`--within "${values.within}": expected a duration such as 30m, 3h or 1h30m`);
    const repoText = values.repo ?? io.env.GITHUB_REPOSITORY;
    const repository = parseRepository(repoText);
    if (!repository) {
      throw new UsageError(repoText ? `--repo "${repoText}": expected OWNER/NAME` : 'no repository: pass --repo OWNER/NAME or set GITHUB_REPOSITORY');
    }
    const dryRun = values['dry-run'] ?? false;
    const token = tokenFromEnv(io.env);
    if (!token && !dryRun) {
      io.stderr.write('commlog remind: no GitHub token: set GITHUB_TOKEN (in a workflow: `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` with `permissions: issues: write`)\n');
      return EXIT_USAGE;
    }

    const { incidents, invalid } = loadValidIncidents(root, config, now);
    const obligations: Obligation[] = incidents.flatMap((i) => dueObligations(i, { config, now }));
    const remindIncidents: RemindIncident[] = incidents.map((i) => ({
      id: i.id,
      title: i.title,
      client: i.client,
      status: i.status,
      priority: cadenceContext(i, { config, now }).priorityAt(now),
      owner: i.owner,
      backup: i.backup,
      zone: i.zone,
      pmEmail: i.pm.email,
    }));

    const log = { warn: (m: string) => io.stderr.write(`commlog remind: ${m}\n`) };
    const octokit = createGitHubClient({ token, baseUrl: io.env.GITHUB_API_URL || undefined, log });
    try {
      const issues = await listReminderIssues(octokit, repository, config.github.labels);
      const actions = planReminders({
        incidents: remindIncidents,
        obligations,
        issues,
        now,
        unreadable: invalid,
        settings: {
          logins: config.github.logins,
          labels: config.github.labels,
          within,
          serverUrl: (io.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
          repository: `${repository.owner}/${repository.repo}`,
          branch: values.branch ?? io.env.GITHUB_REF_NAME ?? 'main',
        },
      });
      const done = dryRun ? actions.map((action) => ({ action, issue: undefined })) : await applyReminderActions(octokit, repository, actions, log);
      let upToDate = 0;
      for (const { action, issue } of done) {
        if (action.kind === 'nothing') upToDate += action.issue === undefined ? 0 : 1;
        else io.stdout.write(`${describeAction(action, dryRun, issue)}\n`);
      }
      const changed = done.length - done.filter((d) => d.action.kind === 'nothing').length;
      io.stdout.write(`${changed === 0 ? 'nothing to change' : `${plural(changed, 'change')} ${dryRun ? 'planned' : 'made'}`}; ${plural(upToDate, 'open reminder issue')} already up to date\n`);
      return EXIT_OK;
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      io.stderr.write(`commlog remind: ${error.message}\n`);
      return EXIT_USAGE;
    }
  },
};

function describeAction(action: ReminderAction, dryRun: boolean, issue?: number): string {
  const would = dryRun ? 'would ' : '';
  switch (action.kind) {
    case 'open':
      return `${would}${dryRun ? 'open' : 'opened'}${issue ? ` #${issue}` : ' an issue'} for ${action.incident}: ${action.title}${action.assignees.length ? ` (assigned to ${action.assignees.join(', ')})` : ''}`;
    case 'update': {
      const changes = [
        action.reopen ? 'reopen' : '',
        action.title !== undefined ? 'title' : '',
        action.body !== undefined ? 'body' : '',
        action.assignees !== undefined ? `assignees ${action.assignees.join(', ') || 'none'}` : '',
        action.addLabels.length ? `labels +${action.addLabels.join(', +')}` : '',
        action.comment !== undefined ? 'comment' : '',
      ].filter(Boolean);
      const verb = action.reopen ? (dryRun ? 'reopen' : 'reopened') : dryRun ? 'update' : 'updated';
      return `${would}${verb} #${action.issue} for ${action.incident}: ${changes.join(', ')}${action.title ? ` (${action.title})` : ''}`;
    }
    case 'close':
      return `${would}${dryRun ? 'close' : 'closed'} #${action.issue} for ${action.incident}: ${action.comment}`;
    case 'nothing':
      return `#${action.issue ?? '?'} for ${action.incident}: up to date`;
  }
}
