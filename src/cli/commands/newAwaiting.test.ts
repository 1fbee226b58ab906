import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFindings, commlog, copyFixture, OPEN_INCIDENT } from './writingTestKit.ts';

let root: string;
let dispose: () => void;
beforeEach(() => ({ root, dispose } = copyFixture()));
afterEach(() => dispose());

const UPDATE = ['--direction', 'outbound', '--channel', 'email', '--contact', 'Ana Silva <ana.silva@acme.example>', '--author', 'dana.okafor', '--summary', 'Asked for the failing order numbers', '--at', '2026-11-02T16:00', '--now', '2026-11-02T16:00'];

describe('commlog new entry --awaiting client (policies.md)', () => {
  it('writes awaiting: client and proposes no next_update_by when the priority is pausable', async () => {
    appendFileSync(join(root, 'commlog.config.yaml'), 'priorities:\n  urgent: { pausable: true }\n');
    const result = await commlog(['new', 'entry', OPEN_INCIDENT, '--root', root, ...UPDATE, '--awaiting', 'Client'], root);
    expect(result.code).toBe(0);
    const text = readFileSync(join(root, result.stdout.trim()), 'utf8');
    expect(text).toMatch(/^awaiting: client$/m);
    expect(text).not.toMatch(/next_update_by/);
    const findings = await checkFindings(root, '2026-11-02T16:05', [OPEN_INCIDENT]);
    expect(findings.filter((f) => f.rule === 'next-update-missing' && f.file.endsWith(result.stdout.trim().split('/').pop()!))).toEqual([]);
  });

  it('still proposes next_update_by when the priority is not pausable', async () => {
    const result = await commlog(['new', 'entry', OPEN_INCIDENT, '--root', root, ...UPDATE, '--awaiting', 'client'], root);
    expect(result.code).toBe(0);
    const text = readFileSync(join(root, result.stdout.trim()), 'utf8');
    expect(text).toMatch(/^awaiting: client$/m);
    expect(text).toMatch(/^next_update_by: /m);
  });

  it('refuses --awaiting on an inbound entry, and any value but client', async () => {
    const inbound = await commlog(['new', 'entry', OPEN_INCIDENT, '--root', root, ...UPDATE.map((f) => (f === 'outbound' ? 'inbound' : f)), '--awaiting', 'client'], root);
    expect(inbound.code).toBe(2);
    expect(inbound.stderr).toMatch(/--awaiting: only an outbound entry can say we await the client/);
    const other = await commlog(['new', 'entry', OPEN_INCIDENT, '--root', root, ...UPDATE, '--awaiting', 'vendor'], root);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/--awaiting "vendor": expected client/);
  });
});
