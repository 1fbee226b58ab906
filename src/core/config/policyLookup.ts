// An incident's policy and zone, looked up in the resolved config (config.ts). Apart from
// config.ts so that what only reads a policy (the cadence, the site's log form in the browser)
// does not load the config's schema and, through it, every rule.
import type { Config } from './config.ts';
import type { Policy } from './policy.ts';

/** One layer of an incident's policy, in the order applied (policies.md). */
export interface PolicyLayerName {
  /** `defaults`, `config`, `policy_changes[i]` or `clients.<key>`. */
  name: string;
  since?: number;
  note?: string;
}

/** The policy that judges an incident, and the layers it came from. */
export interface IncidentPolicy {
  policy: Policy;
  layers: PolicyLayerName[];
  /** The `clients` key that matched the incident's client. */
  client?: string;
  /** The last policy change applied. */
  change?: PolicyLayerName;
}

export interface PolicyChangeRow {
  /** The instant from which this row applies (-Infinity for the config before any change). */
  since: number;
  general: IncidentPolicy;
  /** By normalised client name. */
  clients: Map<string, IncidentPolicy>;
}

/** Equal client names: trimmed, runs of whitespace collapsed, case ignored (policies.md). */
export function clientKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The policy of an incident: fixed by its client and its `opened_at` (policies.md). */
export function policyOf(config: Config, incident: { client: string; openedAt: number }): IncidentPolicy {
  const rows = config.policyRows;
  let k = 0;
  while (k + 1 < rows.length && rows[k + 1].since <= incident.openedAt) k++;
  return rows[k].clients.get(clientKey(incident.client)) ?? rows[k].general;
}

/** The zone of an incident: its own `timezone`, else its client's, else the config's. */
export function zoneOf(config: Config, client: string | undefined, ownZone: string | undefined): string {
  if (ownZone) return ownZone;
  const entry = client === undefined ? undefined : config.policyRows.at(-1)!.clients.get(clientKey(client));
  return entry?.policy.timezone ?? config.timezone;
}
