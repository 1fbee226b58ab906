// Fuzz, with the run's fixed fast-check seed and a time bound: hostile frontmatter and Markdown
// through load -> check -> render never throw nor hang, and every finding is data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIncident } from '../check.ts';
import type { IncidentFiles } from '../model.ts';
import { renderMarkdown } from '../render/markdown.ts';
import { defaultConfig } from '../testing/runRules.ts';

const ID = '2026-11-02-acme-fuzz';
const DIR = `incidents/${ID}`;
const NOW = Date.parse('2026-11-20T12:00:00Z');

const hostileScalar = fc.oneof(
  fc.constantFrom('9999-12-31T23:59:59+14:00', '0001-01-01T00:00', '2026-11-02T09:05', '2026-02-30T25:61', 'null', '~', '""', "'", '"', '[', '{', '&a', '*a', '!!js/function x', '<<: *a', '0x1F', '1e999', '-.inf', '|', '>', '? x', '%TAG', '\u0000', '\u202e', 'Europe/Londn', 'urgent', 'open', 'internal', 'outbound', 'email'),
  fc.string({ maxLength: 12 }),
);
const key = fc.constantFrom('title', 'client', 'opened_at', 'reporter', 'priority', 'status', 'resolved_at', 'pm', 'timezone', 'related', 'tags', 'visibility', 'at', 'direction', 'channel', 'contact', 'author', 'summary', 'cc', 'next_update_by', 'commitments', 'done', 'corrects', 'feedback', 'x', '"quoted"', '? complex');
const value = fc.oneof(
  hostileScalar,
  fc.array(hostileScalar, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc.array(hostileScalar, { maxLength: 4 }).map((items) => items.map((i) => `\n  - ${i}`).join('')),
  fc.tuple(key, hostileScalar).map(([k, v]) => `\n  ${k}: ${v}`),
);
const frontmatter = fc.array(fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`), { maxLength: 12 }).map((lines) => lines.join('\n'));
const markdownPiece = fc.oneof(
  fc.constantFrom('# h', '---', '===', '> ', '- ', '1. ', '    code', '```', '~~~', '<div>', '</div>', '<script>x</script>', '<img src=x onerror=y>', '[a](javascript:x)', '![i](http://t.example/p.gif)', '*', '_', '[', ']', '(', ')', '`', '|', '&#0;', '&amp;', '\\', '\n', '\n\n', ' ', '\t', '\u0000', '\r', 'a@b.example', '+44 20 7946 0123', 'www.x.example', '[^1]', '- [ ] t'),
  fc.string({ maxLength: 6 }),
);
const markdown = fc.array(markdownPiece, { maxLength: 40 }).map((parts) => parts.join(''));
const file = fc.tuple(fc.constantFrom('---\n', '---yaml\n', '---js\n', '', '\uFEFF---\n', '----\n'), frontmatter, fc.constantFrom('\n---\n', '\n', '\n--- \n'), markdown).map((parts) => parts.join(''));

describe('fuzz: hostile files through load, check and render', () => {
  it('never throws nor hangs, and every finding is data', () => {
    const started = performance.now();
    fc.assert(
      fc.property(file, fc.array(file, { maxLength: 3 }), fc.option(file, { nil: undefined }), (incident, entries, report) => {
        const files: IncidentFiles = {
          id: ID,
          dir: DIR,
          incident: { path: `${DIR}/incident.md`, text: incident },
          report: report === undefined ? undefined : { path: `${DIR}/report.md`, text: report },
          entries: entries.map((text, i) => ({ path: `${DIR}/log/2026-11-02T09${String(10 + i)}-email-out.md`, text })),
          strays: [],
        };
        const result = checkIncident(files, { config: defaultConfig, now: NOW, knownIds: new Set([ID]) });
        for (const f of result.findings) {
          expect(typeof f.rule).toBe('string');
          expect(f.file.startsWith(DIR)).toBe(true);
          expect(typeof f.message).toBe('string');
          expect(f.message.length).toBeGreaterThan(0);
          expect(['error', 'warning']).toContain(f.severity);
          if (f.line !== undefined) expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
        }
        expect(() => JSON.stringify(result.findings)).not.toThrow();
        for (const text of [result.incident?.body, ...(result.incident?.entries.map((e) => e.body) ?? [])]) {
          if (text !== undefined) expect(typeof renderMarkdown(text, { contactDetails: false })).toBe('string');
        }
      }),
      { numRuns: 300, interruptAfterTimeLimit: 40_000 },
    );
    expect(performance.now() - started).toBeLessThan(45_000);
  }, 60_000);
});
