// A link that opens GitHub's new-file page on a branch with a log entry template filled in:
// one click from a pull request comment or a reminder issue to logging the next update.
import { markdownUrlPath } from '../core/present/markdownText.ts';
import { instantToLocal, pad2 } from '../core/time/zone.ts';

export interface LogEntryLinkInput {
  /** `https://github.com` (GITHUB_SERVER_URL). */
  serverUrl: string;
  /** `owner/name` of the repository the branch is in. */
  repository: string;
  branch: string;
  incident: string;
  /**
   * What the template's `at` and the file name say. Absent: left for the person to fill in,
   * for text that must not change from one run to the next (a reminder issue's body).
   */
  now?: number;
  /** The incident's zone: `at` is then its local time, as a person would write it. */
  zone?: string;
  /** The project manager's address, copied on written updates. */
  pmEmail?: string;
}

/** `at` and the file name's time: local time in the incident's zone, else UTC with a `Z`. */
function timesOf(now: number, zone: string | undefined): { at: string; stamp: string } {
  const l = instantToLocal(zone ?? 'UTC', now);
  const hhmm = `${pad2(l.hour)}${pad2(l.minute)}`;
  const at = `${l.date}T${pad2(l.hour)}:${pad2(l.minute)}${zone ? '' : 'Z'}`;
  return { at, stamp: `${l.date}T${hhmm}` };
}

/** The new entry's text: the required fields, with the ones only a person knows left empty. */
export function logEntryTemplate(input: Pick<LogEntryLinkInput, 'now' | 'zone' | 'pmEmail'>): string {
  const where = input.zone ? `local time in ${input.zone}` : 'UTC; or local time without the Z';
  const at =
    input.now === undefined
      ? `at:  # when the contact happened, such as 2026-11-02T14:05 (${input.zone ? where : "the incident's local time"}); name the file after it`
      : `at: ${timesOf(input.now, input.zone).at}  # when the contact happened (${where})`;
  return [
    '---',
    at,
    'direction: outbound  # inbound (client to us), outbound (us to client) or internal',
    'channel: email  # email, phone, sms, chat, meeting, screenshare, ticket, status-page, social, other',
    'contact:  # who we dealt with: a name, or { name, org, email }',
    'author:  # your staff handle',
    'summary:  # one line: what was said or done',
    `cc: [${input.pmEmail ?? ''}]  # written updates copy the project manager`,
    'next_update_by:  # when we told the client to expect the next update',
    '---',
    '',
    '<!-- The issue as the client described it (their own words where possible), what was promised by whom and by when, and any feedback. -->',
    '',
  ].join('\n');
}

export function newLogEntryPath(incident: string, now: number | undefined, zone?: string): string {
  const stamp = now === undefined ? 'YYYY-MM-DDTHHMM' : timesOf(now, zone).stamp;
  return `incidents/${incident}/log/${stamp}-email-out.md`;
}

export function newLogEntryUrl(input: LogEntryLinkInput): string {
  const path = newLogEntryPath(input.incident, input.now, input.zone);
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash);
  const name = path.slice(slash + 1);
  const segments = `${markdownUrlPath(input.branch)}/${markdownUrlPath(dir)}`;
  const query = `filename=${encodeURIComponent(name)}&value=${encodeQueryValue(logEntryTemplate(input))}`;
  return `${input.serverUrl.replace(/\/+$/, '')}/${input.repository}/new/${segments}?${query}`;
}

/**
 * The longest "Create on GitHub" link offered. Browsers take far longer URLs, but the servers
 * between them and GitHub's pages may not: request lines past 8 KB are commonly refused with
 * 414 (nginx's and many proxies' default header buffer is 8 KB). Beyond this, the file is
 * copied or downloaded instead. Entries of a few paragraphs fit:
 * percent-encoding makes an ASCII character up to 3 and a non-Latin one 6 to 9.
 */
export const MAX_NEW_FILE_URL_LENGTH = 8000;

export interface NewFileInput {
  /** The repository's page, `https://github.com/OWNER/REPO` (the config's `site.repository`). */
  repositoryUrl: string;
  branch: string;
  /** Path of the new file in the repository, such as `incidents/<id>/log/<name>.md`. */
  path: string;
  content: string;
}

export type NewFileLink = { url: string } | { tooLong: number };

/**
 * GitHub's new-file page with the file's path and content filled in, where the person commits
 * it (on a new branch) and opens the pull request; or, past MAX_NEW_FILE_URL_LENGTH, the
 * length the link would have had.
 */
export function newFileLink(input: NewFileInput): NewFileLink {
  const filename = input.path.split('/').map(encodeQueryValue).join('/');
  const url = `${input.repositoryUrl.replace(/\/+$/, '')}/new/${markdownUrlPath(input.branch)}?filename=${filename}&value=${encodeQueryValue(input.content)}`;
  return url.length > MAX_NEW_FILE_URL_LENGTH ? { tooLong: url.length } : { url };
}

/**
 * %20, not URLSearchParams' `+`, for spaces, so the template arrives exactly as written; and
 * parentheses encoded too, so the URL can sit inside a Markdown link.
 */
function encodeQueryValue(text: string): string {
  return encodeURIComponent(text).replace(/\(/g, '%28').replace(/\)/g, '%29');
}
