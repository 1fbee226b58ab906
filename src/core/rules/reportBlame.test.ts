import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../config/config.ts';
import type { Incident } from '../model.ts';
import { fixtureReport, incidentWith, reportFromText } from '../testing/reportFixtures.ts';
import { defaultConfig } from '../testing/runRules.ts';
import { reportBlame } from './reportBlame.ts';

/** A closed incident owned by dana, backed up by lee, whose log sam.jones wrote. */
function staffed(incident: Incident): Incident {
  return { ...incident, owner: 'dana', backup: 'lee', entries: incident.entries.map((e) => ({ ...e, author: 'sam.jones' })) };
}

const run = (fixture: string, config: Config = defaultConfig) => reportBlame.run(staffed(incidentWith(fixtureReport(`report-blame/${fixture}`))), { config, now: 0 });
const lines = (fixture: string, config?: Config) => run(fixture, config).map((f) => f.line);

describe('report-blame', () => {
  it('lets the Timeline name people and say who forgot what', () => {
    expect(run('timeline-names-people')).toEqual([]);
  });

  it('finds blame phrases (any case, across line breaks, negligen* as a word start) in the root cause, resolution and prevention sections under their aliases', () => {
    expect(run('phrases-across-sections')).toEqual([
      { rule: 'report-blame', file: 'incidents/test-incident/report.md', line: 31, message: 'A sentence of section "Root cause:" blames a person ("HUMAN ERROR"): describe what in the process or the system let it happen, not who erred' },
      expect.objectContaining({ line: 32, message: expect.stringContaining('("careless")') }),
      expect.objectContaining({ line: 32, message: expect.stringContaining('("at fault")') }),
      expect.objectContaining({ line: 35, message: expect.stringContaining('("failed to follow")') }),
      expect.objectContaining({ line: 40, message: 'A sentence of section "Resolution" blames a person ("negligent"): describe what in the process or the system let it happen, not who erred' }),
    ]);
  });

  it("blames when a staff member's handle and forgot or mistake share a sentence", () => {
    expect(run('handles-and-forgot').map((f) => [f.line, f.message.slice(f.message.indexOf('('), f.message.indexOf(')') + 1)])).toEqual([
      [32, '(dana with "forgot")'],
      [34, '(sam.jones with "mistake")'],
    ]);
  });

  it('ends sentences at . ! ? before whitespace, at blank lines and at the end of list items and table cells', () => {
    expect(lines('sentences-lists-tables')).toEqual([33, 39, 41, 47]);
  });

  it("leaves out block quotes with their lazy continuation lines, and code: they are not the author's words", () => {
    expect(run('quotes-and-code')).toEqual([]);
  });

  it('uses the configured phrases instead of the default ones', () => {
    const config = parseConfig('report:\n  blame_phrases: ["oversight"]\n');
    expect(lines('phrases-across-sections', config)).toEqual([]);
    const report = reportFromText('## Root cause\n\nAn oversight by the night shift. Human error.\n');
    expect(reportBlame.run(incidentWith(report), { config, now: 0 }).map((f) => f.line)).toEqual([3]);
  });

  it('checks a report whenever it exists, and only the sections it has', () => {
    const report = reportFromText('## Resolution\n\nThe fix was careless.\n');
    expect(reportBlame.run(incidentWith(report, { status: 'resolved' }), { config: defaultConfig, now: 0 }).map((f) => f.line)).toEqual([3]);
    expect(reportBlame.run(incidentWith(undefined), { config: defaultConfig, now: 0 })).toEqual([]);
  });
});
