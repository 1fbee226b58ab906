// `commlog site build`: the published archive, built by Astro from the repository's
// astro.config.mjs (the commlog integration), once for the team and once per client site of
// `site.clients`. Each build runs as its own `astro build` process, told its client through
// COMMLOG_CLIENT, so one build's state (its archive, its search index) cannot reach another's.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { ownPackage } from '../../node/initFiles.ts';
import { missingPackages, missingPackagesText } from '../../node/optionalPackages.ts';
import { readConfig } from '../../node/repository.ts';
import { CLIENT_SITES_DIR, clientSiteFolder } from '../../site/clientSite.ts';
import { parseCommandArgs, rootOf } from '../args.ts';
import { EXIT_OK, EXIT_USAGE, type CliIO, type Command } from '../io.ts';
import { UsageError } from '../usageError.ts';

const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts'];

export interface SiteBuild {
  /** The client of a client site; none for the internal archive. */
  client?: string;
  outDir: string;
}

/** What `site build` builds, in order: the internal archive, then each client site. */
export function plannedBuilds(root: string, clients: readonly string[], only: { client?: string; out?: string }): SiteBuild[] {
  if (only.client !== undefined) return [{ client: only.client, outDir: resolve(root, only.out ?? join(CLIENT_SITES_DIR, clientSiteFolder(only.client))) }];
  if (only.out !== undefined) throw new UsageError('--out goes with --client: the internal archive is written to dist/ and each client site to dist-clients/<client>/');
  return [{ outDir: resolve(root, 'dist') }, ...clients.map((client) => ({ client, outDir: resolve(root, CLIENT_SITES_DIR, clientSiteFolder(client)) }))];
}

/** Astro's command, once `root` has every package the site imports (commlog's optional peers). */
function astroBin(root: string): string {
  const from = join(root, 'package.json');
  const missing = missingPackages(Object.keys(ownPackage().peerDependencies ?? {}), from);
  if (missing.length > 0) throw new UsageError(`the site ${missingPackagesText(missing, `${root} does not have`)} (commlog init lists them in package.json)`);
  return join(dirname(createRequire(from).resolve('astro/package.json')), 'bin', 'astro.mjs');
}

function runAstro(bin: string, root: string, build: SiteBuild, io: CliIO): Promise<number> {
  const env: Record<string, string | undefined> = { ...io.env, COMMLOG_CLIENT: build.client ?? '' };
  // The incidents are the repository's unless COMMLOG_ROOT names others (docs/site.md).
  env.COMMLOG_ROOT ??= root;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, 'build', '--outDir', build.outDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => io.stdout.write(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => io.stderr.write(chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
}

export const siteCommand: Command = {
  help: `Usage: commlog site build [options]

Builds the published archive with Astro, from the repository's astro.config.mjs (the commlog
integration, docs/site.md): the internal archive of every client to dist/, then each client
site of \`site.clients\` in commlog.config.yaml to dist-clients/<client>/, holding that client's
public incidents only, for a workflow to deploy where only that client can read it
(docs/github.md).

Options:
  --client NAME       build only the site of this client (as in incident.md \`client\`),
                      to dist-clients/<client>/
  --out DIR           with --client: write it to DIR instead
  --root DIR          the repository (default: the current directory)
  -h, --help          show this help

COMMLOG_NOW and COMMLOG_ROOT (docs/site.md) reach every build.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('site', argv, { client: { type: 'string' }, out: { type: 'string' } }, true);
    if (positionals.length !== 1 || positionals[0] !== 'build') throw new UsageError(`expected \`commlog site build\`${positionals.length ? `, not "${positionals.join(' ')}"` : ''}`);
    const root = rootOf(values, io.cwd);
    if (!ASTRO_CONFIGS.some((f) => existsSync(join(root, f)))) {
      throw new UsageError(`no astro.config.mjs in ${root}: the site is built from one that says \`integrations: [commlog()]\` (commlog init writes it)`);
    }
    const client = values.client?.trim();
    if (values.client !== undefined && !client) throw new UsageError('--client: name a client, as in incident.md `client`');
    const config = readConfig(resolve(root, io.env.COMMLOG_ROOT ?? '.'));
    const builds = plannedBuilds(root, config.site.clients.map((c) => c.name), { client, out: values.out });
    const bin = astroBin(root);
    for (const build of builds) {
      io.stdout.write(`commlog site build: ${build.client ? `the site of ${build.client}` : 'the internal archive'} to ${relative(root, build.outDir) || '.'}\n`);
      const code = await runAstro(bin, root, build, io);
      if (code !== 0) {
        io.stderr.write(`commlog site build: ${build.client ? `the site of ${build.client}` : 'the internal archive'} failed (astro build exited with ${code})\n`);
        return EXIT_USAGE;
      }
    }
    return EXIT_OK;
  },
};
