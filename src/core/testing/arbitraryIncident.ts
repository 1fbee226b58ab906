// fast-check generators of whole incidents around the daylight-saving changes of autumn 2026
// in London (25 Oct) and New York (1 Nov), for property tests of the cadence rules.
import fc from 'fast-check';
import type { Incident } from '../model.ts';
import { PRIORITIES, type Kind } from '../schema/values.ts';
import { buildIncident, type EntryOptions } from './incidentBuilder.ts';

const MINUTE = 60_000;
const EARLIEST_OPENING = Date.UTC(2026, 9, 20, 6);
const iso = (ms: number) => new Date(ms).toISOString();

export interface IncidentScenario {
  incident: Incident;
  now: number;
}

const entryArbitrary = fc.record({
  offset: fc.integer({ min: -120, max: 14 * 24 * 60 }),
  direction: fc.constantFrom('outbound', 'outbound', 'outbound', 'inbound', 'internal'),
  next: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { nil: undefined }),
  priority: fc.option(fc.constantFrom(...PRIORITIES), { nil: undefined, freq: 6 }),
  kind: fc.option(fc.constantFrom<Kind>('resolution', 'acknowledgement'), { nil: undefined, freq: 4 }),
  commitment: fc.option(fc.record({ due: fc.integer({ min: 0, max: 5 * 24 * 60 }), owner: fc.constantFrom('us', 'client') }), { nil: undefined, freq: 5 }),
  done: fc.boolean(),
});

export const scenarioArbitrary: fc.Arbitrary<IncidentScenario> = fc
  .record({
    zone: fc.constantFrom('Europe/London', 'America/New_York'),
    priority: fc.constantFrom(...PRIORITIES),
    opened: fc.integer({ min: 0, max: 20 * 24 * 60 }),
    resolved: fc.option(fc.integer({ min: 0, max: 15 * 24 * 60 }), { nil: undefined }),
    now: fc.integer({ min: 0, max: 16 * 24 * 60 }),
    entries: fc.array(entryArbitrary, { maxLength: 14 }),
  })
  .map(({ zone, priority, opened, resolved, now, entries }) => {
    const openedAt = EARLIEST_OPENING + opened * MINUTE;
    const builder = buildIncident({ zone, priority, opened: iso(openedAt), resolved: resolved === undefined ? undefined : iso(openedAt + resolved * MINUTE) });
    entries.forEach((e, i) => {
      const at = openedAt + e.offset * MINUTE;
      const options: EntryOptions = {
        next: e.next === undefined ? undefined : iso(at + e.next * MINUTE),
        priority: e.priority,
        kind: e.direction === 'outbound' ? e.kind : undefined,
        commitments: e.commitment ? [{ id: `c${i}`, owner: e.commitment.owner, due: iso(at + e.commitment.due * MINUTE) }] : undefined,
        done: e.done && i > 0 ? [`c${i - 1}`] : undefined,
      };
      if (e.direction === 'outbound') builder.out(iso(at), options);
      else if (e.direction === 'inbound') builder.in(iso(at), options);
      else builder.internal(iso(at), options);
    });
    return { incident: builder.build(), now: openedAt + now * MINUTE };
  });
