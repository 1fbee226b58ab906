// The interactive path of `commlog new`, as a person meets it: the real command in a terminal
// (tmux), answered key by key. Skipped where tmux is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, OPEN_INCIDENT } from './writingTestKit.ts';

const PROJECT = join(import.meta.dirname, '../../..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SESSION = `commlog-prompts-${process.pid}`;

let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => {
  spawnSync('tmux', ['kill-session', '-t', SESSION]);
  dispose();
});

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

/** Runs commlog in a fresh terminal; the shell prints EXIT=<code> when it ends. */
function start(args: string[]): void {
  const command = `cd ${PROJECT} && env -u CI node_modules/.bin/node bin/commlog.js ${args.map((a) => `'${a}'`).join(' ')}; echo EXIT=$?; sleep 60`;
  tmux('new-session', '-d', '-s', SESSION, '-x', '160', '-y', '50', command);
}

async function screenShows(text: string | RegExp): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', SESSION);
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`the terminal never showed ${String(text)}:\n${screen}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function answer(question: string, keys: string | null): Promise<void> {
  await screenShows(`? ${question}`);
  if (keys !== null) tmux('send-keys', '-t', SESSION, '-l', keys);
  tmux('send-keys', '-t', SESSION, 'Enter');
}

describe.skipIf(!hasTmux)('commlog new on a terminal', () => {
  it('asks for what the flags left out, proposing the next update time and the contact', async () => {
    start(['new', 'entry', OPEN_INCIDENT, '--root', root, '--at', '2026-11-02T11:30', '--channel', 'email']);
    await answer('Direction', null); // outbound is proposed
    const contact = await screenShows('? Contact');
    expect(contact).toContain('(Ana Silva <ana.silva@acme.example>)');
    expect(contact).not.toContain('? Channel');
    await answer('Contact', null);
    await answer('Summary', 'Workaround live: card payments flow again');
    await answer('Logged by', null);
    await answer('Kind', null);
    const next = await screenShows('? Next update promised by');
    expect(next).toContain('(2026-11-02T14:30)');
    await answer('Next update promised by', null);
    const done = await screenShows(/EXIT=\d/);
    expect(done).toContain('EXIT=0');
    expect(done).toContain(`incidents/${OPEN_INCIDENT}/log/2026-11-02T1130-email-out.md`);
    const text = readFileSync(join(root, `incidents/${OPEN_INCIDENT}/log/2026-11-02T1130-email-out.md`), 'utf8');
    expect(text).toContain("summary: 'Workaround live: card payments flow again'");
    expect(text).toContain('next_update_by: 2026-11-02T14:30');
    expect(text).toContain('  - Priya Natarajan <priya.natarajan@fieldstone.example>');
  }, 90_000);

  it('writes nothing when the person cancels with Ctrl+C', async () => {
    start(['new', 'entry', OPEN_INCIDENT, '--root', root, '--at', '2026-11-02T11:30']);
    await answer('Direction', null);
    await screenShows('? Channel');
    tmux('send-keys', '-t', SESSION, 'C-c');
    const done = await screenShows(/EXIT=\d/);
    expect(done).toContain('commlog new: cancelled: nothing was written');
    expect(done).toContain('EXIT=2');
    expect(readdirSync(join(root, `incidents/${OPEN_INCIDENT}/log`))).toHaveLength(4);
  }, 90_000);

  it("proposes the client's usual project manager for a new incident", async () => {
    start(['new', 'incident', '--root', root, '--opened-at', '2026-11-05T10:00', '--triage', 'inconvenience', '--priority', 'medium']);
    await answer('Title', 'Invoices PDF download times out');
    await answer('Client', 'Acme Stores');
    await answer('Reported by', 'Ben Okoro <ben.okoro@acme.example>');
    const pm = await screenShows('? Project manager');
    expect(pm).toContain('(Priya Natarajan <priya.natarajan@fieldstone.example>)');
    await answer('Project manager', null);
    const done = await screenShows(/EXIT=\d/);
    expect(done).toContain('EXIT=0');
    const text = readFileSync(join(root, 'incidents/2026-11-05-acme-stores-invoices-pdf-download-times/incident.md'), 'utf8');
    expect(text).toContain('title: Invoices PDF download times out');
    expect(text).toMatch(/pm:\n {2}name: Priya Natarajan\n {2}email: priya\.natarajan@fieldstone\.example/);
  }, 90_000);

  it('asks the triage question and proposes the priority it implies', async () => {
    start(['new', 'incident', '--root', root, '--opened-at', '2026-11-05T10:00', '--pm', 'Priya Natarajan <priya.natarajan@fieldstone.example>']);
    await answer('Title', 'Invoices PDF download times out');
    await answer('Client', 'Acme Stores');
    await answer('Reported by', 'Ben Okoro <ben.okoro@acme.example>');
    const triage = await screenShows('? Triage: how badly is the client stopped?');
    expect(triage).toContain("blocked: the client's customers or staff cannot work (priority urgent)");
    expect(triage).toContain('(skip)');
    tmux('send-keys', '-t', SESSION, 'Down', 'Down');
    await screenShows('❯ workaround: a workaround exists (priority high)');
    tmux('send-keys', '-t', SESSION, 'Enter');
    const priority = await screenShows('? Priority');
    expect(priority).toContain('❯ high');
    await answer('Priority', null);
    const done = await screenShows(/EXIT=\d/);
    expect(done).toContain('EXIT=0');
    const text = readFileSync(join(root, 'incidents/2026-11-05-acme-stores-invoices-pdf-download-times/incident.md'), 'utf8');
    expect(text).toContain('triage: workaround\npriority: high\n');
  }, 90_000);
});
