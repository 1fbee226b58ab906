// A throwaway Dovecot IMAP server for tests: its own configuration, user and maildir in a
// temporary folder, listening on 127.0.0.1 only, plain text (no TLS: loopback only).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const DOVECOT = '/usr/sbin/dovecot';

export interface TestImapServer {
  url: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

export function dovecotMissing(): string | undefined {
  return existsSync(DOVECOT) ? undefined : `${DOVECOT} is not installed (apt-get install dovecot-imapd; .ci/run does)`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Dovecot refuses to store mail as root: as root, mail belongs to Dovecot's own system user. */
function mailOwner(): { user: string; uid: number; gid: number } {
  const me = userInfo();
  if (me.uid !== 0) return { user: me.username, uid: me.uid, gid: me.gid };
  const id = (flag: string) => Number(spawnSync('id', [flag, 'dovecot'], { encoding: 'utf8' }).stdout.trim());
  return { user: 'dovecot', uid: id('-u'), gid: id('-g') };
}

export async function startDovecot(): Promise<TestImapServer> {
  const dir = mkdtempSync(join(tmpdir(), 'commlog-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const owner = mailOwner();
  const user = 'support';
  const password = 'test-password';
  mkdirSync(join(dir, 'mail'));
  mkdirSync(join(dir, 'state'));
  if (owner.uid !== userInfo().uid) chownSync(join(dir, 'mail'), owner.uid, owner.gid);
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const me = userInfo();
  const config = `
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = commlog-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = ${dir}/dovecot.log
mail_location = maildir:${dir}/mail/%u
first_valid_uid = ${owner.uid}
mail_uid = ${owner.uid}
mail_gid = ${owner.gid}
${me.uid === 0 ? 'default_internal_user = dovecot\ndefault_login_user = dovenull' : `default_internal_user = ${me.username}\ndefault_login_user = ${me.username}`}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/users
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
service stats {
  inet_listener http {
    port = 0
  }
}
`;
  writeFileSync(join(dir, 'dovecot.conf'), config);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  await waitForPort(port, child, join(dir, 'dovecot.log'));
  return {
    url: `imap://127.0.0.1:${port}`,
    user,
    password,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  const { connect } = await import('node:net');
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${existsSync(log) ? readFileSync(log, 'utf8') : 'no log'}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`dovecot did not listen on 127.0.0.1:${port} within 10 s`);
}
