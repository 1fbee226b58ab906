// What the "Log a contact" page needs of one incident to run the core in the browser: written
// at build time as `log/<id>.json` from the incident's publishable form (publication.ts), read
// back by the page into the shapes the core takes. It holds no more than the page shows or the
// cadence reads: the policy, the zone, the project manager (the address only where contact
// details are published), the open commitments, and of each entry what the cadence counts.
import { commitmentStates } from '../../core/cadence/commitments.ts';
import type { Config, IncidentPolicy } from '../../core/config/config.ts';
import { policyOf } from '../../core/config/policyLookup.ts';
import type { Incident, LogEntry } from '../../core/model.ts';
import type { Channel, Direction, Kind, Priority, Status } from '../../core/schema/values.ts';

export interface ContextEntry {
  name: string;
  at: number;
  direction: Direction;
  channel: Channel;
  kind: Kind;
  nextUpdateBy?: number;
  priority?: Priority;
  awaiting?: 'client';
  done: string[];
}

export interface OpenCommitment {
  id: string;
  action: string;
  owner: string;
  due?: number;
}

export interface LogFormContext {
  id: string;
  title: string;
  client: string;
  zone: string;
  status: Status;
  openedAt: number;
  resolvedAt?: number;
  /** The priority at opening; changes are entries. */
  priority: Priority;
  owner?: string;
  /** The address only when `publish.contact_details` is true. */
  pm: { name: string; email?: string };
  policy: IncidentPolicy;
  /** The config's categories, which an entry's `category` must be one of. */
  categories: string[];
  /** The top-level zone of the config. */
  configZone: string;
  entries: ContextEntry[];
  openCommitments: OpenCommitment[];
  /** Every commitment id of the published entries: a new one must differ. */
  commitmentIds: string[];
}

/** The context of a published incident (`incident` is already publication's output). */
export function logFormContext(incident: Incident, config: Config): LogFormContext {
  const states = commitmentStates(incident.entries);
  return {
    id: incident.id,
    title: incident.title,
    client: incident.client,
    zone: incident.zone,
    status: incident.status,
    openedAt: incident.openedAt,
    resolvedAt: incident.resolvedAt,
    priority: incident.priority,
    owner: incident.owner,
    pm: { name: incident.pm.name, email: config.publish.contactDetails ? incident.pm.email : undefined },
    policy: policyOf(config, incident),
    categories: config.categories,
    configZone: config.timezone,
    entries: incident.entries.map((e) => ({
      name: e.file.slice(e.file.lastIndexOf('/') + 1),
      at: e.at,
      direction: e.direction,
      channel: e.channel,
      kind: e.kind,
      nextUpdateBy: e.nextUpdateBy,
      priority: e.priority,
      awaiting: e.awaiting,
      done: e.done,
    })),
    openCommitments: states
      .filter((s) => s.doneAt === undefined)
      .map(({ commitment: c }) => ({ id: c.id, action: c.action, owner: c.owner, due: c.due })),
    commitmentIds: [...new Set(states.map((s) => s.commitment.id))],
  };
}

/** The incident as the core takes it, with what the context leaves out empty. */
export function contextIncident(ctx: LogFormContext): Incident {
  const dir = `incidents/${ctx.id}`;
  const entries: LogEntry[] = ctx.entries.map((e) => ({
    ...e,
    file: `${dir}/log/${e.name}`,
    keyLines: {},
    contacts: [],
    author: '',
    summary: '',
    cc: [],
    commitments: [],
    internal: false,
    body: '',
    bodyLine: 1,
  }));
  return {
    id: ctx.id,
    dir,
    file: `${dir}/incident.md`,
    keyLines: {},
    zone: ctx.zone,
    title: ctx.title,
    client: ctx.client,
    openedAt: ctx.openedAt,
    reporter: { name: '' },
    priority: ctx.priority,
    status: ctx.status,
    resolvedAt: ctx.resolvedAt,
    pm: ctx.pm,
    owner: ctx.owner,
    tags: [],
    related: [],
    internal: false,
    body: '',
    entries,
  };
}

/**
 * A config whose only policy is the incident's: the core reads no other part of it here. The
 * two durations restate parseConfig's defaults so the page need not load the config parser
 * (zod); form.test.ts keeps them equal.
 */
export function contextConfig(ctx: LogFormContext): Config {
  return {
    timezone: ctx.configZone,
    policyRows: [{ since: -Infinity, general: ctx.policy, clients: new Map() }],
    categories: ctx.categories,
    categoryGroups: {},
    requiredHeadings: [],
    reportShareWithin: 40 * 3_600_000,
    logWithin: 24 * 3_600_000,
    blamePhrases: [],
    avoidedPhrases: [],
    rules: {},
    publish: { contactDetails: ctx.pm.email !== undefined },
    site: { title: '', base: '/', clients: [] },
    staffDomains: [],
    github: { logins: {}, labels: [], remindWithin: 0 },
  };
}
