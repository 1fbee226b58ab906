import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commlog, copyFixture, OPEN_INCIDENT, RESOLVED_INCIDENT } from './writingTestKit.ts';

const BUNDLED = join(import.meta.dirname, '../../../templates');

let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => dispose());

function draft(...args: string[]) {
  return commlog(['draft', ...args, '--root', root], root);
}

describe('commlog draft', () => {
  it('fills the first acknowledgement with the incident and the next update time the policy proposes', async () => {
    const result = await draft(OPEN_INCIDENT, '--template', 'acknowledgement-client', '--now', '2026-11-02T11:30');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [headers, body] = result.stdout.split('\n\n', 2);
    expect(headers).toBe(
      'To: Ana Silva <ana.silva@acme.example>\nCc: Priya Natarajan <priya.natarajan@fieldstone.example>\nSubject: We are on it: Checkout returns Error 500 for every card payment',
    );
    expect(body).toBe('Hello Ana,');
    expect(result.stdout).toContain('Thank you for your report of Mon 2 Nov 09:00 GMT.');
    expect(result.stdout).toContain('We are treating it as **urgent** priority.');
    // Urgent allows 3h of business time after a message sent at 11:30.
    expect(result.stdout).toContain('You will hear from us by **14:30 GMT** at the latest');
    expect(result.stdout).toMatch(/Kind regards,\ndana\.okafor\n$/);
  });

  it('fills every bundled template without a field left over, addressed by audience', async () => {
    const names = readdirSync(BUNDLED).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3));
    expect(names).toHaveLength(12);
    for (const scenario of ['acknowledgement', 'outage-update', 'resolved', 'planned-maintenance']) {
      for (const audience of ['client', 'partner', 'internal']) expect(names).toContain(`${scenario}-${audience}`);
    }
    for (const name of names) {
      const { code, stdout } = await draft(OPEN_INCIDENT, '--template', name, '--now', '2026-11-02T11:30');
      expect(code, name).toBe(0);
      expect(stdout, name).not.toMatch(/\{\{|\}\}/);
      const audience = name.split('-').at(-1);
      if (audience === 'client') expect(stdout, name).toMatch(/^To: Ana Silva <ana\.silva@acme\.example>\nCc: Priya Natarajan/);
      if (audience === 'partner') expect(stdout, name).toMatch(/^To: <recipients>\nCc: Priya Natarajan/);
      if (audience === 'internal') expect(stdout, name).toMatch(/^To: <recipients>\nSubject: /);
    }
  });

  it('leaves a fill-in where the incident has no value, such as the next update of a resolved incident', async () => {
    const result = await draft(RESOLVED_INCIDENT, '--template', 'outage-update-internal', '--now', '2026-11-02T11:30');
    expect(result.stdout).toContain('- Next update promised or due by: **<next update by>**');
    const resolved = await draft(RESOLVED_INCIDENT, '--template', 'resolved-internal', '--now', '2026-11-02T11:30');
    expect(resolved.stdout).toContain('`2026-10-26-acme-slow-search` is resolved (Tue 27 Oct 11:30 GMT).');
    // The resolved incident was handled with Ben: the client message greets him.
    const client = await draft(RESOLVED_INCIDENT, '--template', 'resolved-client', '--now', '2026-11-02T11:30');
    expect(client.stdout).toMatch(/^To: Ben Okoro <ben\.okoro@acme\.example>\n/);
    expect(client.stdout).toContain('Hello Ben,');
  });

  it("prefers the repository's own template and names an unknown field", async () => {
    mkdirSync(join(root, 'templates'));
    writeFileSync(join(root, 'templates/outage-update-client.md'), '---\naudience: client\nsubject: "Status {{client}}"\n---\nNext: {{next_update_by}}\n');
    const own = await draft(OPEN_INCIDENT, '--template', 'outage-update-client', '--now', '2026-11-02T11:30');
    expect(own.stdout).toBe('To: Ana Silva <ana.silva@acme.example>\nCc: Priya Natarajan <priya.natarajan@fieldstone.example>\nSubject: Status Acme Stores\n\nNext: 14:30 GMT\n');
    writeFileSync(join(root, 'templates/broken.md'), '---\naudience: client\nsubject: Hi\n---\nDear {{customer}}\n');
    const broken = await draft(OPEN_INCIDENT, '--template', 'broken');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/template .*templates\/broken\.md: unknown field \{\{customer\}\}: the fields are incident_id, title/);
    expect((await draft('--list')).stdout.split('\n')).toContain('broken');
  });

  it('writes an e-mail draft', async () => {
    const result = await draft(OPEN_INCIDENT, '--template', 'outage-update-client', '--now', '2026-11-02T11:30', '--format', 'eml');
    expect(result.stdout).toMatch(/^X-Unsent: 1\r?$/m);
    const mail = await simpleParser(result.stdout);
    expect(mail.subject).toBe('Update: Checkout returns Error 500 for every card payment');
    expect(mail.text).toContain('Next update by **14:30 GMT**.');
  });

  it.each([
    [[OPEN_INCIDENT, '--template', 'no-such-template'], /no template "no-such-template" \(templates: acknowledgement-client, /],
    [[OPEN_INCIDENT, '--template', '../incidents/x'], /a template name is lower-case letters/],
    [[OPEN_INCIDENT], /missing --template NAME/],
    [['--template', 'resolved-client'], /expected one INCIDENT id/],
  ])('refuses %j', async (args, message) => {
    const result = await draft(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
