import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecked } from '../../site/archiveIncident.ts';
import { checkRepository } from '../../node/checkRepository.ts';
import { readConfig } from '../../node/repository.ts';

const ROOT = join(import.meta.dirname, 'fixtures/visibility-typos');
const NOW = Date.parse('2026-11-02T09:30:00Z');
const NOTE = 'log/2026-11-02T0920-chat-note.md';

describe('a mistyped visibility fails closed (issue 9 §1)', async () => {
  const result = await checkRepository({ root: ROOT, now: NOW, workers: 1 });
  const config = readConfig(ROOT);
  const ids = new Set(result.summaries.map((s) => s.id));

  it.each([
    ['entry-misspelt', NOTE, 7, /Field "visiblity" reads like "visibility"/],
    ['entry-capitalised', NOTE, 7, /Field "Visibility" reads like "visibility"/],
    ['entry-spaced', NOTE, 7, /Field "visibility " reads like "visibility"/],
    ['entry-merge-key', NOTE, 7, /A YAML merge key \("<<"\) sets "visibility"/],
    ['incident-misspelt', 'incident.md', 9, /Field "visiblity" reads like "visibility"/],
  ])('%s: a schema error at %s:%i, not an unknown-field warning', (id, file, line, message) => {
    const found = result.findings.filter((f) => f.incident === id && f.rule === 'schema');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: `incidents/${id}/${file}`, line, message: expect.stringMatching(message) })]);
  });

  it.each(['entry-misspelt', 'entry-capitalised', 'entry-spaced', 'entry-merge-key'])('%s: the site publishes the incident without the entry', (id) => {
    const loaded = loadChecked(ROOT, id, config, NOW, ids)!;
    expect(loaded.incident.entries.map((e) => e.name)).toEqual(['2026-11-02T0910-email-out.md']);
  });

  it('incident-misspelt: the site withholds the whole incident', () => {
    expect(loadChecked(ROOT, 'incident-misspelt', config, NOW, ids)).toBeUndefined();
  });
});
