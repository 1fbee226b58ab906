// A real HTTP server on 127.0.0.1 that plays the part of the GitHub REST API endpoints commlog
// uses: issues, issue labels and issue comments (pull request comments are issue comments),
// with GitHub's pagination (`per_page`, `page`, the Link header), its auth answers (401 for an
// unknown token, 403 "Resource not accessible by integration" for a read-only token's write)
// and injectable failures (502s) — so tests exercise octokit over HTTP rather than mocking it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  login: string;
  /** A fork's pull request gets a read-only GITHUB_TOKEN. */
  access: 'read' | 'write';
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  /** Who opened it (a person, unless opened through the API with a bot's token). */
  user: { login: string; type: string };
  /** Pull requests are issues too in the issues API, marked by this key. */
  pull_request?: { url: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  remaining: number;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** token -> user; default: `write-token` (write access) and `fork-token` (read-only). */
  tokens?: Record<string, FakeUser>;
  /** Logins that may be assigned; others are silently dropped, as GitHub does. */
  assignable?: string[];
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly issues = new Map<number, FakeIssue>();
  readonly comments = new Map<number, FakeComment>();
  readonly requests: RecordedRequest[] = [];
  private readonly tokens: Record<string, FakeUser>;
  private readonly assignable: Set<string> | undefined;
  private readonly failures: Failure[] = [];
  private nextIssue = 1;
  private nextComment = 1000;
  private clock = Date.parse('2026-11-02T09:00:00Z');
  private server: Server | undefined;
  url = '';

  constructor(options: FakeGitHubOptions = {}) {
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'support-log';
    this.tokens = options.tokens ?? {
      'write-token': { login: 'github-actions[bot]', access: 'write' },
      'fork-token': { login: 'github-actions[bot]', access: 'read' },
    };
    this.assignable = options.assignable ? new Set(options.assignable) : undefined;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `times` requests matching method and path fail with `status`. */
  failNext(method: string, path: RegExp, status: number, times = 1): void {
    this.failures.push({ method, path, status, remaining: times });
  }

  addPullRequest(title = 'Log the 14:00 update'): FakeIssue {
    const pr = this.addIssue({ title, pull_request: { url: 'pull' } });
    return pr;
  }

  addIssue(fields: Partial<FakeIssue> = {}): FakeIssue {
    const issue: FakeIssue = { number: this.nextIssue++, title: 'An issue', body: '', state: 'open', state_reason: null, labels: [], assignees: [], user: userOf('someone'), ...fields };
    this.issues.set(issue.number, issue);
    return issue;
  }

  addComment(issue: number, body: string, login = 'someone'): FakeComment {
    const at = this.tick();
    const comment: FakeComment = { id: this.nextComment++, issue, body, user: userOf(login), created_at: at, updated_at: at };
    this.comments.set(comment.id, comment);
    return comment;
  }

  commentsOn(issue: number): FakeComment[] {
    return [...this.comments.values()].filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);
  }

  /** Requests that would change something. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString().replace(/\.000Z$/, 'Z');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const text = await readBody(req);
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    this.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), ...(body === undefined ? {} : { body }) });

    const failure = this.failures.find((f) => f.remaining > 0 && f.method === method && f.path.test(url.pathname));
    if (failure) {
      failure.remaining -= 1;
      return send(res, failure.status, failure.status >= 500 ? 'Bad gateway' : { message: 'Injected failure' });
    }

    const user = this.tokens[tokenOf(req.headers.authorization)];
    if (!user) return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });

    const base = `/repos/${this.owner}/${this.repo}`;
    if (!url.pathname.startsWith(`${base}/`)) return send(res, 404, { message: 'Not Found' });
    const route = `${method} ${url.pathname.slice(base.length)}`;
    if (method !== 'GET' && user.access !== 'write') {
      return send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
    }

    let m: RegExpExecArray | null;
    if ((m = /^GET \/issues\/(\d+)\/comments$/.exec(route))) {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      return this.page(res, url, this.commentsOn(issue.number).map((c) => this.commentJson(c)));
    }
    if ((m = /^POST \/issues\/(\d+)\/comments$/.exec(route))) {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      if (typeof body?.body !== 'string') return send(res, 422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing_field' }] });
      return send(res, 201, this.commentJson(this.addComment(issue.number, body.body, user.login)));
    }
    if ((m = /^(PATCH|DELETE) \/issues\/comments\/(\d+)$/.exec(route))) {
      const comment = this.comments.get(Number(m[2]));
      if (!comment) return send(res, 404, { message: 'Not Found' });
      if (m[1] === 'DELETE') {
        this.comments.delete(comment.id);
        return send(res, 204, undefined);
      }
      comment.body = String(body?.body ?? comment.body);
      comment.updated_at = this.tick();
      return send(res, 200, this.commentJson(comment));
    }
    if (route === 'GET /issues') {
      const state = url.searchParams.get('state') ?? 'open';
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const found = [...this.issues.values()]
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number);
      return this.page(res, url, found.map((i) => this.issueJson(i)));
    }
    if (route === 'POST /issues') {
      if (typeof body?.title !== 'string' || !body.title) return send(res, 422, { message: 'Validation Failed', errors: [{ field: 'title', code: 'missing_field' }] });
      const issue = this.addIssue({
        title: body.title,
        body: String(body.body ?? ''),
        labels: [...new Set((body.labels as string[] | undefined) ?? [])],
        assignees: this.keepAssignable((body.assignees as string[] | undefined) ?? []),
        user: userOf(user.login),
      });
      return send(res, 201, this.issueJson(issue));
    }
    if ((m = /^PATCH \/issues\/(\d+)$/.exec(route))) {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      if (typeof body?.title === 'string') issue.title = body.title;
      if (typeof body?.body === 'string') issue.body = body.body;
      if (Array.isArray(body?.labels)) issue.labels = [...new Set(body.labels as string[])];
      if (Array.isArray(body?.assignees)) issue.assignees = this.keepAssignable(body.assignees as string[]);
      if (body?.state === 'open' || body?.state === 'closed') {
        issue.state = body.state;
        issue.state_reason = body.state === 'closed' ? String(body.state_reason ?? 'completed') : 'reopened';
      }
      return send(res, 200, this.issueJson(issue));
    }
    if ((m = /^POST \/issues\/(\d+)\/labels$/.exec(route))) {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      issue.labels = [...new Set([...issue.labels, ...((body?.labels as string[] | undefined) ?? [])])];
      return send(res, 200, issue.labels.map((name) => ({ name })));
    }
    return send(res, 404, { message: `Not Found (the fake GitHub does not play ${route})` });
  }

  private keepAssignable(logins: string[]): string[] {
    return [...new Set(logins)].filter((l) => !this.assignable || this.assignable.has(l));
  }

  /** GitHub's pagination: `per_page` (default 30, at most 100), `page`, and the Link header. */
  private page(res: ServerResponse, url: URL, items: unknown[]): void {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const pageNumber = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const links: string[] = [];
    const link = (page: number, rel: string) => {
      const next = new URL(url);
      next.searchParams.set('page', String(page));
      links.push(`<${next.toString()}>; rel="${rel}"`);
    };
    if (pageNumber < last) {
      link(pageNumber + 1, 'next');
      link(last, 'last');
    }
    if (pageNumber > 1) {
      link(1, 'first');
      link(pageNumber - 1, 'prev');
    }
    send(res, 200, items.slice((pageNumber - 1) * perPage, pageNumber * perPage), links.length ? { link: links.join(', ') } : {});
  }

  private commentJson(c: FakeComment) {
    const html = `https://github.com/${this.owner}/${this.repo}/issues/${c.issue}#issuecomment-${c.id}`;
    return { id: c.id, body: c.body, user: c.user, created_at: c.created_at, updated_at: c.updated_at, html_url: html };
  }

  private issueJson(i: FakeIssue) {
    return {
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason,
      labels: i.labels.map((name) => ({ name })),
      assignees: i.assignees.map((login) => ({ login })),
      user: i.user,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${i.number}`,
      ...(i.pull_request ? { pull_request: i.pull_request } : {}),
    };
  }
}

/** GitHub's user object: apps and the workflow token act as `…[bot]` accounts of type Bot. */
function userOf(login: string): { login: string; type: string } {
  return { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

function tokenOf(header: string | undefined): string {
  return /^(?:token|bearer)\s+(.+)$/i.exec(header ?? '')?.[1] ?? '';
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
