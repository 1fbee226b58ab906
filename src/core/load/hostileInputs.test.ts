// One file must not take down the check: far dates, long lists and huge or deeply nested
// Markdown each give a clear finding in bounded time, and the rest of the incident is checked.
import { describe, expect, it } from 'vitest';
import { checkIncident, type IncidentCheck } from '../check.ts';
import type { IncidentFiles } from '../model.ts';
import { MAX_BLOCK_NESTING, MAX_HTML_NESTING, MAX_MARKDOWN_CHARS } from '../render/limits.ts';
import { defaultConfig } from '../testing/runRules.ts';

const ID = '2026-11-02-acme-checkout-500';
const DIR = `incidents/${ID}`;
const NOW = Date.parse('2026-11-20T12:00:00Z');

const incidentMd = (extra = '', body = 'Checkout fails.') =>
  `---\ntitle: Checkout fails\nclient: Acme\nopened_at: 2026-11-02T09:05\nreporter: { name: Ana Silva, org: Acme }\npriority: medium\nstatus: resolved\nresolved_at: 2026-11-02T16:00\npm: { name: Pat, email: pat@fieldstone.example }\n${extra}---\n${body}\n`;

const entryMd = (extra = '', body = 'We are looking into it.') =>
  `---\nat: 2026-11-02T09:30\ndirection: outbound\nchannel: email\ncontact: { name: Ana Silva, email: ana@acme.example }\ncc: [pat@fieldstone.example]\nauthor: jo\nsummary: Looking into it\nnext_update_by: 2026-11-02T12:00\n${extra}---\n${body}\n`;

function check(incident: string, entries: Record<string, string> = { '2026-11-02T0930-email-out.md': entryMd() }, report?: string): IncidentCheck {
  const files: IncidentFiles = {
    id: ID,
    dir: DIR,
    incident: { path: `${DIR}/incident.md`, text: incident },
    report: report === undefined ? undefined : { path: `${DIR}/report.md`, text: report },
    entries: Object.entries(entries).map(([name, text]) => ({ path: `${DIR}/log/${name}`, text })),
    strays: [],
  };
  return checkIncident(files, { config: defaultConfig, now: NOW, knownIds: new Set([ID]) });
}

/** Runs `run` and fails when it takes longer than `ms`: the inputs below once took minutes. */
function within<T>(ms: number, run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(ms);
  return result;
}

describe('a resolved_at after Now', () => {
  it('is a schema warning like an `at` after Now, and no rule walks up to it', () => {
    const result = within(3000, () => check(incidentMd().replace('resolved_at: 2026-11-02T16:00', 'resolved_at: 9999-12-31T23:59:59+14:00')));
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'schema', severity: 'warning', file: `${DIR}/incident.md`, line: 8, message: expect.stringMatching(/^Field "resolved_at" \(9999-12-31 .*\) is in the future: check the date and time/) }),
    );
    expect(result.incident?.resolvedAt).toBe(NOW);
  });

  it('nor does an entry, a promised update or a commitment due in 9999 make any rule walk to it', () => {
    const far = '9999-12-31T23:59:59+14:00';
    const promise = entryMd(`commitments:\n  - { id: far, action: Something far, due: "${far}" }\n`).replace('next_update_by: 2026-11-02T12:00', `next_update_by: "${far}"`);
    const farEntry = entryMd().replace('at: 2026-11-02T09:30', `at: "${far}"`);
    const open = incidentMd().replace('status: resolved\nresolved_at: 2026-11-02T16:00\n', 'status: open\n');
    const result = within(3000, () => check(open, { '2026-11-02T0930-email-out.md': promise, '9999-12-31T2359-email-out.md': farEntry }));
    expect(result.findings).toContainEqual(expect.objectContaining({ rule: 'schema', severity: 'warning', message: expect.stringMatching(/^Field "at" \(9999-12-31 .*\) is in the future/) }));
  });
});

describe('long YAML lists', () => {
  it('give the line of each bad item of a 100,000-item cc list in linear time', () => {
    const cc = Array.from({ length: 100_000 }, (_, i) => (i % 25_000 === 7 ? `  - not an address ${i}` : `  - p${i}@acme.example`)).join('\n');
    const result = within(15_000, () => check(incidentMd(), { '2026-11-02T0930-email-out.md': entryMd().replace('cc: [pat@fieldstone.example]\n', `cc:\n  - pat@fieldstone.example\n${cc}\n`) }));
    const bad = result.findings.filter((f) => /^Field "cc\[\d+\]"/.test(f.message));
    // Item i of the generated list is item i+1 of cc, on line 8 + i of the file.
    expect(bad.map((f) => [f.message.slice(0, f.message.indexOf(' (')), f.line])).toEqual([7, 25_007, 50_007, 75_007].map((i) => [`Field "cc[${i + 1}]"`, i + 8]));
  }, 60_000); // large inputs: seconds on a loaded machine
});

describe('Markdown over the limits', () => {
  const cases: [name: string, body: string, message: RegExp, lineInBody: number][] = [
    ['10,000 nested quotes', `Intro\n\n${'>'.repeat(10_000)} deep`, new RegExp(`nests quotes or lists 10000 levels deep at this line, over the limit of ${MAX_BLOCK_NESTING}`), 3],
    ['20,000 nested divs', `Intro\n\n${'<div>'.repeat(20_000)}x`, new RegExp(`nests HTML elements more than ${MAX_HTML_NESTING} deep`), 3],
    ['a list nested 60 deep', `Intro\n\n${Array.from({ length: 60 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n')}`, /nests quotes or lists 51 levels deep/, 53],
    ['a 1 MB nested list', `Intro\n\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n')}`, /is 1,00\d,\d{3} characters long/, 1],
    ['200 KB of [', `Intro\n\n${'['.repeat(200_000)}`, /more than 2000 emphasis or link characters/, 3],
    ['300 KB of prose', `Intro\n\n${'word '.repeat(60_000)}`, new RegExp(`is 300,\\d{3} characters long, over the limit of ${MAX_MARKDOWN_CHARS.toLocaleString('en')}`), 1],
  ];
  it.each(cases)('%s: a schema error at its line, in an entry, incident.md and report.md alike', (_name, body, message, lineInBody) => {
    const result = within(10_000, () => check(incidentMd('', body), { '2026-11-02T0930-email-out.md': entryMd('', body) }, `# Report\n\n${body}`));
    const limits = result.findings.filter((f) => /^The Markdown text /.test(f.message));
    expect(limits.map((f) => f.file).sort()).toEqual([`${DIR}/incident.md`, `${DIR}/log/2026-11-02T0930-email-out.md`, `${DIR}/report.md`]);
    for (const f of limits) {
      expect(f).toMatchObject({ rule: 'schema', severity: 'error' });
      expect(f.message).toMatch(message);
      expect(f.message).toMatch(/until then the site shows a placeholder instead of it$/);
    }
    // The line points into the file, past the frontmatter, at the offending line.
    const inIncident = limits.find((f) => f.file.endsWith('incident.md'))!;
    expect(inIncident.line).toBe(10 + lineInBody);
    expect(result.incident?.entries).toHaveLength(1);
  });
});

describe('floods of findings', () => {
  it('reports 50,000 unknown related ids as ten warnings and a count, quickly', () => {
    const related = Array.from({ length: 50_000 }, (_, i) => `  - 2026-01-01-missing-${i}`).join('\n');
    const result = within(10_000, () => check(incidentMd(`related:\n${related}\n`)));
    const relatedFindings = result.findings.filter((f) => f.message.startsWith('Field "related"'));
    expect(relatedFindings).toHaveLength(11);
    expect(relatedFindings[0]).toMatchObject({ severity: 'warning', line: 11, message: 'Field "related" names "2026-01-01-missing-0", which is not an incident of this repository: check the id' });
    expect(relatedFindings[10]).toMatchObject({ severity: 'warning', line: 21, message: 'Field "related" names 49990 more ids that are not incidents of this repository: check the list' });
  }, 60_000); // large inputs: seconds on a loaded machine

  it('reports 50,000 invalid list items as twenty errors and a count', () => {
    const tags = Array.from({ length: 50_000 }, () => '  - [not, a, tag]').join('\n');
    const result = within(10_000, () => check(incidentMd(`tags:\n${tags}\n`)));
    const schema = result.findings.filter((f) => f.rule === 'schema' && f.file.endsWith('incident.md'));
    expect(schema).toHaveLength(21);
    expect(schema.at(-1)).toMatchObject({ severity: 'error', message: '49980 more invalid fields in this file: fix the ones above, then check again' });
  }, 60_000); // large inputs: seconds on a loaded machine
});
