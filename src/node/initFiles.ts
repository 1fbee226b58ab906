// What `commlog init` writes into a team's log repository, from what the package ships: the
// workflows, pull request template and CODEOWNERS example exactly as this repository runs them
// (.github/, tested with actionlint here), the starter files of starter/ with the team's
// answers filled in, one bundled example incident, and a package.json.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Weekday } from '../core/schema/values.ts';

/** The installed package (or this repository): lib/node/ and src/node/ are both two levels down. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled example incident init copies (the package's `files` ships it). */
export const EXAMPLE_INCIDENT = '2026-07-06-harbourlane-missing-product-images';

export interface InitAnswers {
  /** IANA time zone of the team. */
  timezone: string;
  days: readonly Weekday[];
  /** HH:MM. */
  start: string;
  end: string;
  /** GitHub `owner/name`, for the site's address; absent: filled in later. */
  repository?: { owner: string; repo: string };
  /** No example incident. */
  empty: boolean;
}

/**
 * managed: init's own copy of a commlog file (workflows, templates): `--upgrade` refreshes it.
 * starter: written once for the team to own (config, README, incidents): never refreshed.
 */
export type FileKind = 'managed' | 'starter';

export interface PlannedFile {
  /** Relative to the repository, with `/`. */
  path: string;
  content: string;
  kind: FileKind;
}

interface PackageJson {
  name?: string;
  version: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function read(path: string): string {
  return readFileSync(join(PACKAGE_ROOT, path), 'utf8');
}

function filesUnder(dir: string): string[] {
  return (readdirSync(join(PACKAGE_ROOT, dir), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(PACKAGE_ROOT, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The files commlog maintains in a log repository: refreshed by `init --upgrade`. */
export function managedFiles(): PlannedFile[] {
  // The mailbox workflow needs IMAP secrets first: opt-in (docs/github.md), never written unasked.
  const workflows = filesUnder('.github/workflows').filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('/commlog-mailbox.yml'));
  return [...workflows, '.github/PULL_REQUEST_TEMPLATE.md', '.github/CODEOWNERS.example'].map((path) => ({ path, content: read(path), kind: 'managed' as const }));
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Every file of a new log repository except package.json (see packageJsonFor). */
export function starterFiles(answers: InitAnswers): PlannedFile[] {
  const { repository } = answers;
  const title = repository ? `${repository.repo} — incident communication archive` : 'Incident communication archive';
  // A GitHub Pages project site lives under /<repository>/; a <owner>.github.io repository at /.
  const userSite = repository && repository.repo.toLowerCase() === `${repository.owner.toLowerCase()}.github.io`;
  const values = {
    timezone: answers.timezone,
    days: `[${answers.days.join(', ')}]`,
    start: answers.start,
    end: answers.end,
    title,
    base: repository && !userSite ? `/${repository.repo}/` : '/',
    site_url: repository ? `  url: https://${repository.owner.toLowerCase()}.github.io\n` : '  # url: https://OWNER.github.io\n',
    site_repository: repository ? `  repository: https://github.com/${repository.owner}/${repository.repo}\n` : '  # repository: https://github.com/OWNER/REPOSITORY\n',
  };
  const files: PlannedFile[] = [
    { path: 'commlog.config.yaml', content: fill(read('starter/commlog.config.yaml'), values), kind: 'starter' },
    { path: 'astro.config.mjs', content: read('starter/astro.config.mjs'), kind: 'starter' },
    { path: 'README.md', content: fill(read('starter/README.md'), values), kind: 'starter' },
    // npm leaves files named .gitignore out of a package: shipped without the dot.
    { path: '.gitignore', content: read('starter/gitignore'), kind: 'starter' },
  ];
  if (answers.empty) {
    files.push({ path: 'incidents/.gitkeep', content: '', kind: 'starter' });
  } else {
    for (const f of filesUnder(`incidents/${EXAMPLE_INCIDENT}`)) files.push({ path: f, content: read(f), kind: 'starter' });
  }
  return [...files, ...managedFiles()];
}

/** This package's own package.json. */
export function ownPackage(): PackageJson {
  return JSON.parse(read('package.json')) as PackageJson;
}

/**
 * The log repository's package.json: `existing` (if any) with the scripts and dependencies it
 * lacks added, none it has changed. The site's libraries are dev dependencies, so that a
 * pull-request check installs only commlog (`npm ci --omit=dev`); Node 24 is pinned as in
 * this repository.
 */
export function packageJsonFor(existing: Record<string, unknown> | undefined, folder: string, own: PackageJson = ownPackage()): string {
  const name = basename(folder).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'incident-log';
  const wanted = {
    // `build` is what the Pages workflow runs (as in this repository).
    scripts: { check: 'commlog check', due: 'commlog due', 'site:dev': 'astro dev', 'site:build': 'astro build', build: 'astro build' },
    dependencies: { commlog: `^${own.version}` },
    devDependencies: { ...own.peerDependencies, node: own.devDependencies?.node ?? '^24' },
  };
  const result: Record<string, unknown> = existing ? { ...existing } : { name, version: '0.0.0', private: true, type: 'module' };
  for (const [section, entries] of Object.entries(wanted)) {
    const current = { ...(result[section] as Record<string, string> | undefined) };
    for (const [key, value] of Object.entries(entries)) {
      // A dependency listed in either section counts as present.
      const listed = section.endsWith('ependencies') && [result.dependencies, result.devDependencies].some((d) => d && key in (d as object));
      if (!(key in current) && !listed) current[key] = value;
    }
    result[section] = current;
  }
  return `${JSON.stringify(result, null, 2)}\n`;
}
