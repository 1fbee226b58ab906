// Properties of the compliance rules over random incidents (testing/arbitraryIncident.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleFinding } from '../findings.ts';
import type { LogEntry } from '../model.ts';
import { scenarioArbitrary } from '../testing/arbitraryIncident.ts';
import { defaultConfig, runCompliance } from '../testing/runRules.ts';
import { maxGap } from './maxGap.ts';
import { updateWindow } from './window.ts';
import { weekly } from './weekly.ts';

const key = (f: RuleFinding) => `${f.rule}|${f.due}|${f.window ?? ''}`;

function withUpdate(entries: readonly LogEntry[], at: number, file: string): LogEntry[] {
  const update: LogEntry = { ...entries[0], file, name: file, at, direction: 'outbound', kind: 'update', priority: undefined, commitments: [], done: [], keyLines: {} };
  return [...entries, update].sort((a, b) => a.at - b.at || (a.name < b.name ? -1 : 1));
}

describe('compliance rules: properties', () => {
  it('give the same findings whatever order the entries are given in', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer(), ({ incident, now }, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(incident.entries, { minLength: incident.entries.length }), { numRuns: 1, seed })[0];
        expect(runCompliance({ ...incident, entries: shuffled }, now)).toEqual(runCompliance(incident, now));
      }),
      { numRuns: 300 },
    );
  });

  it('adding an update never adds a window or weekly finding', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 14 * 24 * 60 }), ({ incident, now }, minutes) => {
        if (incident.entries.length === 0) return;
        const context = { config: defaultConfig, now };
        const more = { ...incident, entries: withUpdate(incident.entries, incident.openedAt + minutes * 60_000, 'added.md') };
        for (const rule of [updateWindow, weekly]) {
          const before = new Set(rule.run(incident, context).map(key));
          for (const f of rule.run(more, context)) expect(before).toContain(key(f));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding an update after the first one never creates a max-gap finding with no earlier one before it', () => {
    // One long gap split in two can be two findings, so the count may grow; but every finding
    // after the split lies in a gap that was already late, no earlier than that gap's deadline.
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 14 * 24 * 60 }), ({ incident, now }, minutes) => {
        const first = incident.entries.find((e) => e.direction === 'outbound' && e.at >= incident.openedAt);
        if (!first) return;
        const context = { config: defaultConfig, now };
        const more = { ...incident, entries: withUpdate(incident.entries, first.at + minutes * 60_000, 'added.md') };
        const before = maxGap.run(incident, context).map((f) => f.due!);
        for (const f of maxGap.run(more, context)) expect(before.some((due) => due <= f.due!)).toBe(true);
        if (before.length === 0) expect(maxGap.run(more, context)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
