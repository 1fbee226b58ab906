// The client's words, exactly: a corpus of replies written the way many mail clients, in many
// languages, write them (fixtures/reply-corpus.yaml), each run through the whole import (MIME,
// HTML, the log of the incident) and compared with the reply text expected.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { entryFromEmail } from '../core/compose/emailEntry.ts';
import { parseConfig } from '../core/config/config.ts';
import { buildIncident } from '../core/testing/incidentBuilder.ts';
import { readEmail } from './readEmail.ts';

interface ReplyCase {
  name: string;
  client: string;
  text?: string;
  html?: string;
  expected: string;
  log?: string[];
}

const corpus = load(readFileSync(join(import.meta.dirname, 'fixtures/reply-corpus.yaml'), 'utf8')) as { defaults: { log: string[] }; cases: ReplyCase[] };
const config = parseConfig('timezone: Europe/London\nstaff_domains: [fieldstone.example]\n');

async function importedReply(c: ReplyCase): Promise<string> {
  const eml = await new MailComposer({
    from: 'Amira Haddad <amira.haddad@northwind.example>',
    to: 'Hannah Cole <hannah.cole@fieldstone.example>',
    subject: 'Re: Print run',
    date: new Date('2026-11-19T09:40:00Z'),
    messageId: `<${c.name}@northwind.example>`,
    ...(c.html === undefined ? { text: c.text } : { html: c.html }),
  })
    .compile()
    .build();
  const incident = buildIncident({ opened: '2026-11-19 08:50', priority: 'high' }).out('09:12').build();
  incident.owner = 'hannah.cole';
  incident.entries[0].body = (c.log ?? corpus.defaults.log).join('\n\n');
  const entry = entryFromEmail(await readEmail(eml), incident, config);
  return entry.verbatim ?? '';
}

describe('the reply corpus', () => {
  it('holds many clients and languages', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(70);
    expect(new Set(corpus.cases.map((c) => c.name)).size).toBe(corpus.cases.length);
  });

  it('gives the client’s words exactly in at least 95 % of replies, and never loses a line the client wrote', async () => {
    const misses: string[] = [];
    const lost: string[] = [];
    for (const c of corpus.cases) {
      const expected = c.expected.trim();
      const actual = await importedReply(c);
      if (actual !== expected) misses.push(`${c.name} (${c.client}):\n--- expected\n${expected}\n--- got\n${actual}`);
      const kept = new Set(actual.split('\n'));
      for (const line of expected.split('\n')) if (line.trim() !== '' && !kept.has(line)) lost.push(`${c.name}: "${line}"`);
    }
    const rate = 1 - misses.length / corpus.cases.length;
    expect(lost, 'lines of the client lost').toEqual([]);
    expect(rate, `exact replies ${(rate * 100).toFixed(1)} %; not exact:\n\n${misses.join('\n\n')}`).toBeGreaterThanOrEqual(0.95);
  });
});
