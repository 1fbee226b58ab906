// The resolved config: commlog.config.yaml read through its schema (schema.ts, which holds the
// defaults), and every policy its layers can produce (policies.md) resolved once, so an
// incident's policy is a lookup. Every problem of the file is reported at once.
import type { z } from 'zod';
import type { SeveritySetting } from '../findings.ts';
import { issueMessage, pathLabel } from '../load/schemaFindings.ts';
import { lineAt, parseYaml } from '../parse/yaml.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import { mergeLayer, policyProblems, toPolicy, type Policy } from './policy.ts';
import { clientKey, type IncidentPolicy, type PolicyChangeRow, type PolicyLayerName } from './policyLookup.ts';
import { configFile, DEFAULT_AVOIDED_PHRASES, DEFAULT_BLAME_PHRASES, DEFAULT_REQUIRED_HEADINGS, NON_POLICY_KEYS, POLICY_KEYS, policyLayer, settings } from './schema.ts';

export type { ClockKind } from './schema.ts';
export { clientKey, policyOf, zoneOf, type IncidentPolicy, type PolicyChangeRow, type PolicyLayerName } from './policyLookup.ts';
export type { Policy, PriorityPolicy, UpdateWindow } from './policy.ts';
export { DEFAULT_AVOIDED_PHRASES, DEFAULT_BLAME_PHRASES, DEFAULT_REQUIRED_HEADINGS };

export interface RequiredHeading {
  name: string;
  aliases: string[];
}

export type Settings = ReturnType<typeof toSettings>;

/**
 * The settings, and the policies: an incident's policy is only ever read through `policyOf`
 * (so every rule, `due`, `new entry`, `weekly`, `remind`, the metrics and the site agree).
 */
export type Config = Settings & {
  /** The top-level zone: `--now` without an offset, a change's `since`, weeks of `weekly`. */
  timezone: string;
  /** One row per number of policy changes applied; see `policyOf`. */
  policyRows: PolicyChangeRow[];
};

export const CONFIG_FILE_NAME = 'commlog.config.yaml';

/** Every problem of the config, one line each: "commlog.config.yaml:LINE: key: what is wrong". */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

/** A client site of `site.clients`: one client's public incidents, deployed where only it reads them. */
export interface ClientSite {
  /** As in incident.md `client` (compared by clientKey). */
  name: string;
  base?: string;
  url?: string;
  title?: string;
}

/** The resolved config of a repository; `text` is commlog.config.yaml, absent when there is none. */
export function parseConfig(text: string | undefined): Config {
  const yaml = parseYaml(text ?? '');
  if (!yaml.ok) {
    const where = yaml.offset === undefined || text === undefined ? '' : `:${lineAt(text, yaml.offset)}`;
    throw new ConfigError(`${CONFIG_FILE_NAME}${where}: not valid YAML: ${yaml.reason}`);
  }
  const at = (path: (string | number)[]) => {
    const offset = yaml.offsetOf(path);
    return offset === undefined || text === undefined ? '' : `:${lineAt(text, offset)}`;
  };
  const value = yaml.value ?? {};
  const result = configFile.safeParse(value);
  if (!result.success) throw new ConfigError(issueLines(result.error.issues, at));
  const file = value as Record<string, unknown>;
  const problems: string[] = [];
  const rows = policyRowsOf(file, result.data.timezone, at, problems);
  if (problems.length) throw new ConfigError(problems);
  return { timezone: result.data.timezone, ...toSettings(settings.parse(file)), policyRows: rows };
}

function issueLines(issues: readonly z.core.$ZodIssue[], at: (path: (string | number)[]) => string): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const full = [...path, key];
        const inLayer = path.includes('clients') || path.includes('policy_changes');
        lines.push(
          inLayer && NON_POLICY_KEYS.includes(key)
            ? `${CONFIG_FILE_NAME}${at(full)}: ${pathLabel(full)}: "${key}" is not a policy key: it cannot be set per client or per policy change`
            : `${CONFIG_FILE_NAME}${at(full)}: unknown key "${pathLabel(full)}": see the keys in docs/configuration.md`,
        );
      }
      continue;
    }
    lines.push(`${CONFIG_FILE_NAME}${at(path)}: ${pathLabel(path) || '(top level)'}: ${issueMessage(issue)}`);
  }
  return lines;
}

/** A layer's policy keys only (the file's zod check has already refused anything else). */
function policyKeysOf(layer: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of POLICY_KEYS) if (layer[key] !== undefined) out[key] = layer[key];
  return out;
}

interface ClientLayer {
  key: string;
  layer: unknown;
  /** Where its last refinement was written, for problems' lines. */
  path: (string | number)[];
}

/**
 * Every policy the layers can produce: for 0..n changes applied, the general policy and one
 * per client. Each is checked, so a combination that is not valid is reported by its layers.
 */
function policyRowsOf(
  file: Record<string, unknown>,
  topZone: string,
  at: (path: (string | number)[]) => string,
  problems: string[],
): PolicyChangeRow[] {
  const seen = new Set<string>();
  const resolve = (layer: unknown, layers: PolicyLayerName[], where: (string | number)[]): IncidentPolicy | undefined => {
    const written = policyLayer.parse(layer);
    const found = policyProblems(written);
    for (const problem of found) {
      const what = `${pathLabel(problem.path)}: ${problem.message}`;
      if (seen.has(what)) continue;
      seen.add(what);
      const extra = layers.slice(2).map((l) => l.name);
      const line = at([...where, ...problem.path]) || at(where);
      problems.push(`${CONFIG_FILE_NAME}${line}: ${extra.length ? `${extra.join(' + ')}: ` : ''}${what}`);
    }
    if (found.length) return undefined;
    return { policy: toPolicy(written), layers };
  };

  let general: unknown = policyKeysOf(file);
  let clients = new Map<string, ClientLayer>();
  addClients(clients, file.clients, ['clients'], problems, at);

  const changes = (file.policy_changes ?? []) as Record<string, unknown>[];
  const rows: PolicyChangeRow[] = [];
  let layers: PolicyLayerName[] = [{ name: 'defaults' }, { name: 'config' }];
  let lastSince = -Infinity;
  for (let k = 0; k <= changes.length; k++) {
    let since = -Infinity;
    let where: (string | number)[] = [];
    let change: PolicyLayerName | undefined;
    if (k > 0) {
      const item = changes[k - 1];
      const i = k - 1;
      const text = String(item.since);
      since = parseTimestamp(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00` : text, topZone);
      if (since < lastSince) {
        problems.push(`${CONFIG_FILE_NAME}${at(['policy_changes', i, 'since'])}: policy_changes[${i}].since: ${text} is before the since of the change above it: list changes oldest first`);
      }
      lastSince = Math.max(lastSince, since);
      change = { name: `policy_changes[${i}]`, since, note: item.note as string | undefined };
      layers = [...layers, change];
      general = mergeLayer(general, policyKeysOf(item));
      clients = new Map(clients);
      addClients(clients, item.clients, ['policy_changes', i, 'clients'], problems, at);
      where = ['policy_changes', i];
    }
    const row: PolicyChangeRow = { since, general: undefined!, clients: new Map() };
    row.general = withChange(resolve(general, layers, where), change);
    for (const [name, client] of clients) {
      const resolved = resolve(mergeLayer(general, client.layer), [...layers, { name: `clients.${client.key}` }], client.path);
      row.clients.set(name, { ...withChange(resolved, change), client: client.key });
    }
    rows.push(row);
  }
  return rows;
}

function withChange(resolved: IncidentPolicy | undefined, change: PolicyLayerName | undefined): IncidentPolicy {
  // A policy with problems is never used: parseConfig throws once every problem is listed.
  return change ? { ...resolved!, change } : resolved!;
}

function addClients(
  clients: Map<string, ClientLayer>,
  entries: unknown,
  path: (string | number)[],
  problems: string[],
  at: (path: (string | number)[]) => string,
): void {
  if (!entries) return;
  const here = new Map<string, string>();
  for (const [key, layer] of Object.entries(entries as Record<string, unknown>)) {
    const name = clientKey(key);
    const twin = here.get(name);
    if (twin !== undefined) {
      problems.push(`${CONFIG_FILE_NAME}${at([...path, key])}: ${pathLabel([...path, key])}: "${key}" and "${twin}" name the same client (case and spaces are ignored): merge them`);
      continue;
    }
    here.set(name, key);
    const existing = clients.get(name);
    clients.set(name, {
      key: existing?.key ?? key,
      layer: existing ? mergeLayer(existing.layer, layer) : layer,
      path: [...path, key],
    });
  }
}

function toSettings(s: z.output<typeof settings>) {
  const categoryGroups: Record<string, string> = {};
  let categories: string[];
  if (Array.isArray(s.categories)) {
    categories = s.categories;
  } else {
    categories = [];
    for (const [group, list] of Object.entries(s.categories)) {
      for (const c of list) {
        categories.push(c);
        categoryGroups[c] = group;
      }
    }
  }
  return {
    /** Every category, flattened; empty when the config lists none (then any is accepted). */
    categories,
    /** Category -> its group, when categories are given as a map. */
    categoryGroups,
    requiredHeadings: s.report.required_headings as RequiredHeading[],
    /** `report.share_within` (ms of business time): rule report-shared. */
    reportShareWithin: s.report.share_within,
    /** `log_within` (ms, wall clock): rule late-log. */
    logWithin: s.log_within,
    blamePhrases: s.report.blame_phrases,
    avoidedPhrases: s.wording.avoid,
    // By rule id; keyed by string because the rule ids' type is inferred from rule modules that
    // take this Config (the schema only accepts known ids).
    rules: s.rules as Partial<Record<string, SeveritySetting>>,
    publish: { contactDetails: s.publish.contact_details },
    site: { ...s.site, clients: s.site.clients.map((c): ClientSite => (typeof c === 'string' ? { name: c } : c)) },
    staffDomains: s.staff_domains,
    github: { logins: s.github.logins, labels: s.github.labels, remindWithin: s.github.remind_within },
  };
}
