import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { plannedBuilds } from './site.ts';

describe('commlog site build', () => {
  it('builds the internal archive to dist/, then each client of site.clients beside it', () => {
    expect(plannedBuilds('/log', ['Harbour Lane Retail', 'Kestrel Housing Association'], {})).toEqual([
      { outDir: '/log/dist' },
      { client: 'Harbour Lane Retail', outDir: '/log/dist-clients/harbour-lane-retail' },
      { client: 'Kestrel Housing Association', outDir: '/log/dist-clients/kestrel-housing-association' },
    ]);
  });

  it('builds one client alone with --client, where --out says', () => {
    expect(plannedBuilds('/log', ['Kestrel Housing Association'], { client: 'Harbour Lane Retail' })).toEqual([{ client: 'Harbour Lane Retail', outDir: '/log/dist-clients/harbour-lane-retail' }]);
    expect(plannedBuilds('/log', [], { client: 'Harbour Lane Retail', out: 'public' })).toEqual([{ client: 'Harbour Lane Retail', outDir: '/log/public' }]);
    expect(() => plannedBuilds('/log', [], { out: 'public' })).toThrow('--out goes with --client');
  });

  it("writes only folders that a new log repository's .gitignore (and this one's) leaves out of git", () => {
    const project = join(import.meta.dirname, '../../..');
    const folders = plannedBuilds(project, ['Harbour Lane Retail'], {}).map((b) => `${relative(project, b.outDir).split('/')[0]}/`);
    expect(folders).toEqual(['dist/', 'dist-clients/']);
    for (const ignore of ['starter/gitignore', '.gitignore']) {
      const lines = readFileSync(join(project, ignore), 'utf8').split('\n');
      expect(lines, ignore).toEqual(expect.arrayContaining(folders));
    }
  });

  it('says what is missing instead of starting a build', async () => {
    const root = mkdtempSync(join(tmpdir(), 'commlog-site-cli-'));
    try {
      const run = async (argv: string[]) => {
        let err = '';
        const code = await main(argv, { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, env: {}, cwd: root });
        return { code, err };
      };
      expect(await run(['site'])).toEqual({ code: 2, err: 'commlog site: expected `commlog site build`\n' });
      expect((await run(['site', 'build'])).err).toContain(`no astro.config.mjs in ${root}`);
      writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
      expect((await run(['site', 'build', '--client', ' '])).err).toContain('--client: name a client');
      // Every package the site imports, named at once with the one command (a temporary folder has none).
      const peers = '@observablehq/plot astro libphonenumber-js linkedom pagefind';
      expect(await run(['site', 'build'])).toEqual({
        code: 2,
        err: `commlog site: the site needs the packages @observablehq/plot, astro, libphonenumber-js, linkedom and pagefind, which ${root} does not have: run \`npm install ${peers}\` (commlog init lists them in package.json)\n`,
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
