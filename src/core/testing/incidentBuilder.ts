// Builds `Incident` objects for tests from compact local times, as the loader would produce
// them: "2026-11-02 09:00" (or any timestamp form of the data) as `opened` or an entry's time
// sets the day, and a bare "13:20" anywhere after it means that time on that day.
import type { Commitment, Incident, KeyLines, LogEntry } from '../model.ts';
import type { Channel, Direction, Kind, Priority, Status } from '../schema/values.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import { instantToLocal } from '../time/zone.ts';

export interface EntryOptions {
  /** `next_update_by`, as a compact local time. */
  next?: string;
  kind?: Kind;
  channel?: Channel;
  /** Default for outbound entries: the PM's address. */
  cc?: string[];
  priority?: Priority;
  commitments?: { id: string; action?: string; owner?: string; due?: string }[];
  done?: string[];
  /** File name in log/; default from the time and direction. */
  name?: string;
  /** `awaiting: client` (policies.md). */
  awaiting?: boolean;
}

export interface IncidentOptions {
  id?: string;
  zone?: string;
  opened: string;
  priority: Priority;
  status?: Status;
  resolved?: string;
  pmEmail?: string;
  /** incident.md `client`; default Acme. */
  client?: string;
}

export interface IncidentBuilder {
  out(at: string, options?: EntryOptions): IncidentBuilder;
  in(at: string, options?: EntryOptions): IncidentBuilder;
  internal(at: string, options?: EntryOptions): IncidentBuilder;
  build(): Incident;
}

const DEFAULT_KIND: Record<Direction, Kind> = { outbound: 'update', inbound: 'report', internal: 'note' };
const BARE_TIME = /^\d{2}:\d{2}$/;

export function buildIncident(options: IncidentOptions): IncidentBuilder {
  const id = options.id ?? 'test-incident';
  const zone = options.zone ?? 'Europe/London';
  const dir = `incidents/${id}`;
  const pmEmail = options.pmEmail ?? 'pm@example.com';
  let day = '';
  // A bare time is on the current day; only `opened` and an entry's `at` change that day.
  const instant = (text: string): number => (BARE_TIME.test(text) ? parseTimestamp(`${day} ${text}`, zone) : parseTimestamp(text, zone));
  const moveTo = (text: string): number => {
    if (BARE_TIME.test(text) && !day) throw new Error(`"${text}" needs a day named before it`);
    const at = instant(text);
    day = instantToLocal(zone, at).date;
    return at;
  };
  const openedAt = moveTo(options.opened);
  const resolvedAt = options.resolved === undefined ? undefined : parseTimestamp(options.resolved, zone);
  const entries: LogEntry[] = [];

  const add = (direction: Direction, at: string, o: EntryOptions = {}): IncidentBuilder => {
    const when = moveTo(at);
    const name = o.name ?? `${new Date(when).toISOString().slice(0, 16).replace(':', '')}-${String(entries.length).padStart(3, '0')}-${direction}.md`;
    const file = `${dir}/log/${name}`;
    const keyLines: KeyLines = { at: 2, direction: 3, channel: 4, author: 5, summary: 6 };
    let line = 7;
    const cc = o.cc ?? (direction === 'outbound' ? [pmEmail] : []);
    if (cc.length) keyLines.cc = line++;
    if (o.next) keyLines.next_update_by = line++;
    if (o.priority) keyLines.priority = line++;
    const commitments: Commitment[] = [];
    if (o.commitments?.length) {
      keyLines.commitments = line++;
      for (const c of o.commitments) {
        commitments.push({ id: c.id, action: c.action ?? c.id, owner: c.owner ?? 'us', due: c.due ? instant(c.due) : undefined, file, line: line, madeAt: when });
        line += 2;
      }
    }
    if (o.done?.length) keyLines.done = line++;
    if (o.awaiting) keyLines.awaiting = line++;
    entries.push({
      file,
      name,
      keyLines,
      at: when,
      direction,
      channel: o.channel ?? 'email',
      kind: o.kind ?? DEFAULT_KIND[direction],
      contacts: direction === 'internal' ? [] : [{ name: 'Client Contact' }],
      author: 'tester',
      summary: `${direction} at ${at}`,
      cc,
      nextUpdateBy: o.next ? instant(o.next) : undefined,
      priority: o.priority,
      commitments,
      done: o.done ?? [],
      awaiting: o.awaiting ? 'client' : undefined,
      internal: false,
      body: '',
      bodyLine: line + 1,
    });
    return builder;
  };

  const builder: IncidentBuilder = {
    out: (at, o) => add('outbound', at, o),
    in: (at, o) => add('inbound', at, o),
    internal: (at, o) => add('internal', at, o),
    build: () => ({
      id,
      dir,
      file: `${dir}/incident.md`,
      keyLines: { title: 2, client: 3, opened_at: 4, reporter: 5, priority: 6, status: 7, ...(resolvedAt === undefined ? {} : { resolved_at: 8 }), pm: 9 },
      zone,
      title: 'Test incident',
      client: options.client ?? 'Acme',
      openedAt,
      reporter: { name: 'Client Reporter' },
      priority: options.priority,
      status: options.status ?? (resolvedAt === undefined ? 'open' : 'resolved'),
      resolvedAt,
      pm: { name: 'Project Manager', email: pmEmail },
      tags: [],
      related: [],
      internal: false,
      body: '',
      entries: [...entries].sort((a, b) => a.at - b.at || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    }),
  };
  return builder;
}

/** The instant of a local time in a zone, for expected values: `local('2026-11-02 13:05')`. */
export function local(text: string, zone = 'Europe/London'): number {
  return parseTimestamp(text, zone);
}
