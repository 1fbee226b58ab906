import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../config/config.ts';
import { checkIncident } from '../check.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { parseTimestamp } from '../time/timestamp.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/wording');
const INCIDENT = `---
title: Checkout errors
client: Acme Retail
opened_at: 2026-11-02T09:00
reporter: Ana Silva
priority: high
status: open
pm: { name: Pat, email: pat@acme.example }
---
`;

/** The wording findings of an incident whose one log entry is `entry`, loaded as `commlog check` loads it. */
function wordingOf(entry: string, config: Config = defaultConfig) {
  const files = {
    id: 'acme',
    dir: 'incidents/acme',
    incident: { path: 'incidents/acme/incident.md', text: INCIDENT },
    entries: [{ path: 'incidents/acme/log/entry.md', text: entry }],
    strays: [],
  };
  const result = checkIncident(files, { config, now: parseTimestamp('2026-11-02T18:00Z', 'UTC'), knownIds: new Set(['acme']) });
  expect(result.findings.filter((f) => f.rule === 'schema')).toEqual([]);
  return result.findings.filter((f) => f.rule === 'wording').map((f) => ({ line: f.line, message: f.message }));
}

const fixture = (name: string) => wordingOf(readFileSync(join(FIXTURES, `${name}.md`), 'utf8'));
const lines = (name: string) => fixture(name).map((f) => f.line);

describe('wording', () => {
  it("matches ignoring case, ' and ’ alike and line breaks as spaces, at the line where the phrase starts", () => {
    expect(fixture('apostrophes-case-line-breaks')).toEqual([
      { line: 15, message: `The outbound email of Mon 2 Nov 10:00 says "can't reproduce", a phrase the team avoids (wording.avoid): say what you tried and offer a screenshare` },
      { line: 16, message: `The outbound email of Mon 2 Nov 10:00 says "can't reproduce", a phrase the team avoids (wording.avoid): say what you tried and offer a screenshare` },
      { line: 17, message: `The outbound email of Mon 2 Nov 10:00 says "unable to reproduce", a phrase the team avoids (wording.avoid): say what you tried and offer a screenshare` },
    ]);
  });

  it('checks the summary, at its line', () => {
    expect(fixture('summary')).toEqual([
      { line: 9, message: `The outbound email of Mon 2 Nov 10:00 says "cannot reproduce", a phrase the team avoids (wording.avoid): say what you tried and offer a screenshare` },
    ]);
  });

  it("leaves out block quotes with their lazy continuation lines, code blocks, code spans and verbatim: the client's words and code", () => {
    expect(lines('block-quote-lazy-continuation')).toEqual([]);
    expect(lines('code-blocks-and-spans')).toEqual([]);
    expect(lines('verbatim')).toEqual([]);
  });

  it('checks outbound entries only', () => {
    expect(lines('inbound-not-checked')).toEqual([]);
  });

  it('matches whole words: the characters either side are not letters or digits', () => {
    expect(fixture('word-boundaries')).toEqual([
      { line: 15, message: 'The outbound email of Mon 2 Nov 10:00 says "user error", a phrase the team avoids (wording.avoid): describe what happened, not who erred' },
    ]);
  });

  it('gives one finding for overlapping matches: the one that starts first, the longer on a tie', () => {
    const config = parseConfig(`wording:
  avoid:
    - { phrase: "I said so", suggest: "b" }
    - { phrase: "as I said", suggest: "a" }
    - { phrase: "user", suggest: "c" }
    - { phrase: "user error", suggest: "d" }
`);
    const entry = readFileSync(join(FIXTURES, 'summary.md'), 'utf8').replace('Details follow.', 'Well, as I said so often,\nit was a user error. I said so.');
    expect(wordingOf(entry, config).map((f) => [f.line, f.message.split(', a phrase')[0].split('says ')[1]])).toEqual([
      [13, '"as I said"'],
      [14, '"I said so"'],
      [14, '"user error"'],
    ]);
  });

  it('uses the configured list instead of the default one', () => {
    const config = parseConfig('wording:\n  avoid: [{ phrase: "ASAP", suggest: "give a time" }]\n');
    const entry = readFileSync(join(FIXTURES, 'summary.md'), 'utf8').replace('Details follow.', 'We will fix it asap.');
    // The summary's "cannot reproduce" is in the default list only.
    expect(wordingOf(entry, config)).toEqual([{ line: 13, message: 'The outbound email of Mon 2 Nov 10:00 says "ASAP", a phrase the team avoids (wording.avoid): give a time' }]);
    expect(wordingOf(entry, parseConfig('wording: { avoid: [] }\n'))).toEqual([]);
  });
});
