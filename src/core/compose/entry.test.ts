import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { loadIncident } from '../load/loadIncident.ts';
import type { IncidentFiles } from '../model.ts';
import { entryBaseName, entryFileText, type EntryDraft } from './entry.ts';
import { newIncidentFile } from './incident.ts';

const ZONE = 'Europe/London';
const config = parseConfig('timezone: Europe/London\n');
const NOW = Date.parse('2030-01-01T00:00:00Z');

/** Text as people type it: any characters, including YAML's special ones, on one line. */
const line = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 120 })
  .map((s) => s.replace(/[\r\n\u0085\u2028\u2029]/g, ' ').trim())
  .filter((s) => s !== '');
const tricky = fc.constantFrom('yes', 'no', '~', 'null', '2026-11-02', '16:30', '0x1F', '- item', '# not a comment', '"quoted"', "it's", 'a: b', '@here', '*bold*', '&anchor', '!tag', '|', '>', '{x}', '[y]', '%', '`code`', '---');
const text = fc.oneof(line, tricky);
const multiline = fc.array(text, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));

function load(incidentText: string, entries: { name: string; text: string }[]) {
  const files: IncidentFiles = {
    id: 'x',
    dir: 'incidents/x',
    incident: { path: 'incidents/x/incident.md', text: incidentText },
    entries: entries.map((e) => ({ path: `incidents/x/log/${e.name}`, text: e.text })),
    strays: [],
  };
  return loadIncident(files, { config, now: NOW, knownIds: new Set(['x']) });
}

describe('files written by the writing commands', () => {
  it('read back through the loader exactly as drafted, whatever the text', () => {
    fc.assert(
      fc.property(text, text, text, multiline, text, multiline, fc.integer({ min: 1_780_000_000, max: 1_800_000_000 }), (title, client, name, verbatim, action, body, seconds) => {
        const openedAt = seconds * 1000 - 3_600_000;
        const incident = newIncidentFile({ title, client, openedAt, reporter: { name, email: 'a@client.example' }, priority: 'high', pm: { name, email: 'pm@us.example' } }, ZONE);
        const draft: EntryDraft = {
          at: seconds * 1000,
          direction: 'inbound',
          channel: 'phone',
          contacts: [{ name, org: client }],
          author: 'dana',
          summary: title.slice(0, 300),
          cc: [`${name.replace(/[<>]/g, '')} <cc@client.example>`],
          commitments: [{ id: 'c-1', action, owner: 'client', due: seconds * 1000 + 86_400_000 }],
          verbatim,
          body,
        };
        const { incident: loaded, findings } = load(incident.text, [{ name: `${entryBaseName(draft, ZONE)}.md`, text: entryFileText(draft, ZONE) }]);
        expect(findings.filter((f) => f.rule === 'schema' && f.severity !== 'warning')).toEqual([]);
        expect(loaded).toMatchObject({ title, client, openedAt, reporter: { name } });
        const [entry] = loaded!.entries;
        expect(entry).toMatchObject({
          at: draft.at,
          summary: draft.summary,
          contacts: [{ name, org: client }],
          cc: draft.cc,
          verbatim,
          commitments: [{ id: 'c-1', action, owner: 'client', due: draft.at + 86_400_000 }],
        });
        // One blank line between the frontmatter and the body, as the examples write it.
        expect(entry.body).toBe(body.trim() === '' ? '' : `\n${body.trim()}\n`);
      }),
      { numRuns: 300 },
    );
  });
});
