// The pull request's sticky comment, as Markdown: a one-line verdict naming the commit it
// judged, every finding for the incidents the pull request touches in a collapsed section,
// and one-click links to log the next entry. Pure: the API side is stickyComment.ts.
import type { CheckReport, ReportedFinding, ReportedIncident } from '../core/checkReport/checkReport.ts';
import { markdownCode, markdownText, markdownUrlPath } from '../core/present/markdownText.ts';
import { newLogEntryUrl } from './logEntryLink.ts';
import { plural } from '../core/present/plural.ts';

/** Starts the comment's body: how later runs find the comment to update. */
export const STICKY_COMMENT_MARKER = '<!-- commlog:pull-request-comment -->';

/** GitHub refuses comment bodies over 65,536 characters; stay clear of it. */
export const MAX_COMMENT_CHARS = 60_000;

export interface PullRequestContext {
  /** `https://github.com` (GITHUB_SERVER_URL). */
  serverUrl: string;
  /** `owner/name` of the repository the pull request belongs to. */
  repository: string;
  /** `owner/name` of the repository the pull request's branch lives in (a fork's, perhaps). */
  headRepository: string;
  headRef: string;
  /** The pull request's head commit: the commit the verdict names. */
  headSha: string;
  /** The branch it was checked merged into, when the check ran on the merge result. */
  baseRef?: string;
  /** The workflow run, whose job summary also lists every finding. */
  runUrl?: string;
}

export interface PlannedComment {
  body: string;
  verdict: string;
}

export function planStickyComment(report: CheckReport, context: PullRequestContext): PlannedComment {
  const verdict = verdictLine(report, context);
  const parts = [STICKY_COMMENT_MARKER, verdict];
  if (report.findings.length > 0) parts.push(details(report, context));
  const links = logLinks(report, context);
  if (links) parts.push(links);
  if (context.runUrl) parts.push(`The [workflow run](${context.runUrl}) has the annotations and the job summary.`);
  if (report.summary.warnings > 0) {
    parts.push(
      '<sub>Warnings record that the communication policy was missed; the log is a record, so they are fixed forward ' +
        '(a new entry, a `corrects:` entry), not by rewriting history.</sub>',
    );
  }
  return { body: `${parts.join('\n\n')}\n`, verdict };
}

function verdictLine(report: CheckReport, context: PullRequestContext): string {
  const commit = `[\`${context.headSha.slice(0, 7)}\`](${context.serverUrl}/${context.headRepository}/commit/${context.headSha})`;
  const judged = `judged at ${commit}${context.baseRef ? ` merged into ${markdownCode(context.baseRef)}` : ''}`;
  const { errors, warnings } = report.summary;
  const touched = report.incidents.length;
  if (touched === 0) return `✅ **commlog: this pull request touches no incident**: nothing to check (${judged}).`;
  const scope = `in the ${plural(touched, 'incident')} this pull request touches`;
  if (errors === 0 && warnings === 0) return `✅ **commlog: no findings** ${scope} (${judged}).`;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (errors > 0) return `❌ **commlog: ${counts}** ${scope}: errors must be fixed before merging (${judged}).`;
  return `⚠️ **commlog: ${counts}** ${scope} (${judged}).`;
}

function details(report: CheckReport, context: PullRequestContext): string {
  const byIncident = new Map<string, ReportedFinding[]>();
  for (const f of report.findings) byIncident.set(f.incident, [...(byIncident.get(f.incident) ?? []), f]);
  const incidents = new Map(report.incidents.map((i) => [i.id, i]));
  const summary = `<summary>${plural(report.findings.length, 'finding')} in ${plural(byIncident.size, 'incident')}</summary>`;
  const closing = '</details>';
  const lines: string[] = [];
  let budget = MAX_COMMENT_CHARS - 2_000 - summary.length;
  let shown = 0;
  outer: for (const [id, findings] of byIncident) {
    const heading = ['', incidentHeading(id, incidents.get(id)), '', '| | rule | where | due | what |', '| --- | --- | --- | --- | --- |'];
    const headingLength = heading.join('\n').length;
    if (headingLength > budget) break;
    lines.push(...heading);
    budget -= headingLength;
    for (const f of findings) {
      const row = findingRow(f, context);
      if (row.length + 1 > budget) break outer;
      lines.push(row);
      budget -= row.length + 1;
      shown += 1;
    }
  }
  const cut = report.findings.length - shown;
  if (cut > 0) {
    const where = context.runUrl ? `the [job summary](${context.runUrl})` : 'the job summary';
    lines.push('', `…and ${plural(cut, 'more finding')} that do not fit in a comment: ${where} lists them all.`);
  }
  return ['<details>', summary, ...lines, '', closing].join('\n');
}

function incidentHeading(id: string, incident: ReportedIncident | undefined): string {
  const facts = [incident?.status, incident?.priority].filter(Boolean).join(', ');
  const counts = incident ? `: ${plural(incident.errors, 'error')}, ${plural(incident.warnings, 'warning')}` : '';
  return `#### ${markdownCode(id)}${facts ? ` (${markdownText(facts)})` : ''}${counts}`;
}

/** A report's `docs` is data: linked only when it is a plain https address that cannot break out of the link. */
const LINKABLE = /^https:\/\/[\w.~%/#:?=&+-]+$/;

function findingRow(f: ReportedFinding, context: PullRequestContext): string {
  const icon = f.severity === 'error' ? '❌' : '⚠️';
  const file = f.file.startsWith(`incidents/${f.incident}/`) ? f.file.slice(`incidents/${f.incident}/`.length) : f.file;
  const label = `${file}${f.line ? `:${f.line}` : ''}`;
  const href = `${context.serverUrl}/${context.headRepository}/blob/${context.headSha}/${markdownUrlPath(f.file)}${f.line ? `#L${f.line}` : ''}`;
  const ruleId = markdownCode(f.rule, { inTable: true });
  const rule = `${f.docs && LINKABLE.test(f.docs) ? `[${ruleId}](${f.docs})` : ruleId}${f.window ? ` (${markdownText(f.window)})` : ''}${f.commitment ? ` (${markdownText(f.commitment)})` : ''}`;
  const due = f.due ? markdownText(f.due.replace('T', ' ').replace(/:00(?=[+-]\d\d:\d\d$|Z$)/, ' ')) : '';
  return `| ${icon} ${f.severity} | ${rule} | [${markdownText(label)}](${href}) | ${due} | ${markdownText(f.message)} |`;
}

function logLinks(report: CheckReport, context: PullRequestContext): string | undefined {
  const open = report.incidents.filter((i) => i.status !== 'closed');
  if (open.length === 0) return undefined;
  const now = Date.parse(report.now);
  const links = open.map((i) => {
    const url = newLogEntryUrl({ serverUrl: context.serverUrl, repository: context.headRepository, branch: context.headRef, incident: i.id, now, zone: i.zone, pmEmail: i.pm_email });
    return `[${markdownCode(i.id)}](${url})`;
  });
  return `📝 **Log a new entry** on this branch: ${links.join(' · ')}`;
}
