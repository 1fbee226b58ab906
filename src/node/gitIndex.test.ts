// Git's index as the build cache's source of content ids: only clean tracked regular files.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitContentIds } from './gitIndex.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(): { top: string; root: string; git: (...a: string[]) => string } {
  const top = mkdtempSync(join(tmpdir(), 'commlog-git-index-'));
  dirs.push(top);
  // The commlog repository is a folder of the git work tree: paths are relative to it.
  const root = join(top, 'log');
  const git = (...a: string[]) => execFileSync('git', ['-C', top, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...a], { encoding: 'utf8' });
  git('init', '-q');
  for (const f of ['a/incident.md', 'a/log/1.md', 'b/incident.md', 'c/incident.md']) {
    mkdirSync(join(root, 'incidents', f, '..'), { recursive: true });
    writeFileSync(join(root, 'incidents', f), `${f}\n`);
  }
  git('add', '.');
  git('commit', '-qm', 'one');
  return { top, root, git };
}

describe('gitContentIds', () => {
  it('names clean tracked files by blob id, relative to the root', () => {
    const { root, git } = repo();
    const ids = gitContentIds(root)!.ids;
    expect(ids.get('incidents/a/log/1.md')).toBe(git('rev-parse', 'HEAD:log/incidents/a/log/1.md').trim());
    expect(ids.size).toBe(4);
  });

  it('leaves out modified, staged-then-edited, renamed, deleted and untracked files', () => {
    const { root, git } = repo();
    appendFileSync(join(root, 'incidents/a/incident.md'), 'edit\n');
    git('mv', 'log/incidents/b/incident.md', 'log/incidents/b/renamed.md');
    rmSync(join(root, 'incidents/c/incident.md'));
    writeFileSync(join(root, 'incidents/a/log/2.md'), 'new\n');
    const ids = gitContentIds(root)!.ids;
    expect([...ids.keys()]).toEqual(['incidents/a/log/1.md']);
  });

  it('is undefined outside a git work tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'commlog-no-git-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'incidents'));
    expect(gitContentIds(dir)).toBeUndefined();
  });
});
