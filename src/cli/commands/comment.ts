// `commlog comment`: the pull request's sticky comment, written from the JSON report of
// `commlog check --format json --since <base>`, so the step that holds a write token runs no
// check of its own.
import { readFileSync } from 'node:fs';
import { parseCheckReport, type CheckReport } from '../../core/checkReport/checkReport.ts';
import { createGitHubClient, GitHubError, parseRepository, tokenFromEnv } from '../../github/client.ts';
import { planStickyComment, type PullRequestContext } from '../../github/pullRequestComment.ts';
import { pullRequestRun } from '../../github/pullRequestEvent.ts';
import { upsertStickyComment } from '../../github/stickyComment.ts';
import { UsageError } from '../usageError.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_OK, EXIT_USAGE, type CliIO, type Command } from '../io.ts';
import { plural } from '../../core/present/plural.ts';

export const commentCommand: Command = {
  help: `Usage: commlog comment --report FILE [options]

Writes the findings of a check report onto the pull request as one comment: created on the
first run, edited on every later push, never duplicated. It holds a one-line verdict naming
the commit judged, every finding collapsed, and links that open GitHub's new-file page with
a log entry template on the pull request's branch.

Run it in a pull_request workflow after
  commlog check --format json --since <base> > commlog-report.json

Options:
  --report FILE   the JSON document of commlog check --format json (required)
  --event FILE    the pull_request event payload (default: $GITHUB_EVENT_PATH)
  --dry-run       print the comment instead of posting it (no token needed)
  --root DIR      accepted like everywhere; unused, as the report carries each incident's
                  time zone and PM's address
  -h, --help      show this help

Environment: GITHUB_TOKEN (or GH_TOKEN) with pull-requests: write; GITHUB_REPOSITORY,
GITHUB_SERVER_URL, GITHUB_API_URL and GITHUB_RUN_ID as GitHub Actions sets them.

When the token may not comment (a pull request from a fork gets a read-only token), the
command says so and exits 0: the check step's annotations and job summary still report.

Exit codes: 0 done (or commenting not permitted), 2 usage, configuration or GitHub problem.
`,
  async run(argv, io) {
    const { values } = parseCommandArgs('comment', argv, { report: { type: 'string' }, event: { type: 'string' }, 'dry-run': { type: 'boolean' } });
    if (!values.report) throw new UsageError('--report FILE is required: the output of commlog check --format json');
    const report = readReport(values.report, io);
    const eventPath = values.event ?? io.env.GITHUB_EVENT_PATH;
    if (!eventPath) throw new UsageError('no pull request event: run in a pull_request workflow (GITHUB_EVENT_PATH) or pass --event FILE');
    const run = pullRequestRun(readText(eventPath, '--event', io), io.env);
    if (!run) throw new UsageError(`${eventPath} is not a pull_request event payload: run this command in a workflow triggered by pull_request`);

    const context: PullRequestContext = {
      serverUrl: run.serverUrl,
      repository: run.repository,
      headRepository: run.headRepository,
      headRef: run.headRef,
      headSha: run.headSha,
      baseRef: run.baseRef,
      runUrl: run.runUrl,
    };
    const { body, verdict } = planStickyComment(report, context);
    if (values['dry-run']) {
      io.stdout.write(body);
      return EXIT_OK;
    }

    const repository = parseRepository(run.repository);
    if (!repository) throw new UsageError(`"${run.repository}" is not an owner/name repository`);
    const token = tokenFromEnv(io.env);
    if (!token) {
      io.stderr.write('commlog comment: no GitHub token (set GITHUB_TOKEN with pull-requests: write): not commenting; the findings are in the check step\'s annotations and job summary\n');
      return EXIT_USAGE;
    }
    const octokit = createGitHubClient({ token, baseUrl: run.apiUrl, log: { warn: (m) => io.stderr.write(`commlog comment: ${m}\n`) } });
    try {
      const result = await upsertStickyComment(octokit, repository, run.number, body);
      io.stdout.write(`${result.action} ${result.url}${result.deleted.length ? ` (deleted ${plural(result.deleted.length, 'duplicate')})` : ''}\n${verdict}\n`);
      return EXIT_OK;
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      if (error.status === 403) {
        const why = run.fromFork ? `pull request #${run.number} comes from the fork ${run.headRepository}, whose workflow token is read-only` : 'the token may not comment';
        const message = `not commenting: ${why}. The findings are reported by the check step's annotations and job summary. (${error.message})`;
        io.stderr.write(`commlog comment: ${message}\n`);
        if (io.env.GITHUB_ACTIONS === 'true') io.stdout.write(`::warning title=commlog comment::${escapeCommand(message)}\n`);
        return EXIT_OK;
      }
      io.stderr.write(`commlog comment: ${error.message}\n`);
      return EXIT_USAGE;
    }
  },
};

function readText(path: string, flag: string, io: CliIO): string {
  try {
    return readFileSync(path.startsWith('/') ? path : `${io.cwd}/${path}`, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag} ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function readReport(path: string, io: CliIO): CheckReport {
  try {
    return parseCheckReport(readText(path, '--report', io));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--report ${path}: ${(error as Error).message}`);
  }
}

/** Workflow-command message text: `%`, CR and LF escaped as the runner expects. */
function escapeCommand(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
