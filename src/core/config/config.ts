// The resolved policy: the defaults of data-format.md merged with commlog.config.yaml
// (mappings key by key, lists replaced), with durations and times parsed once.
import type { RuleId, SeveritySetting } from '../findings.ts';
import { issueMessage, pathLabel } from '../load/schemaFindings.ts';
import { lineAt, parseYaml } from '../parse/yaml.ts';
import type { Channel, Priority, Weekday } from '../schema/values.ts';
import { PRIORITIES } from '../schema/values.ts';
import { parseDuration, parseTimeOfDay } from '../time/timestamp.ts';
import { configFile, type ConfigFile } from './schema.ts';

export type ClockKind = 'business' | 'always';

export interface RequiredHeading {
  name: string;
  aliases: string[];
}

export interface PriorityPolicy {
  /** Milliseconds of clock time, or null when gaps are not checked. */
  maxGap: number | null;
  windows: string[];
  weekly: boolean;
  clock: ClockKind;
  /** Milliseconds of clock time. */
  acknowledgeWithin: number;
}

export interface BusinessHours {
  days: Weekday[];
  /** Minutes since local midnight. */
  start: number;
  end: number;
}

export interface UpdateWindow {
  name: string;
  /** Minutes since local midnight. */
  from: number;
  to: number;
}

export interface Config {
  timezone: string;
  businessHours: BusinessHours;
  /** `YYYY-MM-DD`, in each incident's zone. */
  holidays: string[];
  windows: Record<string, UpdateWindow>;
  priorities: Record<Priority, PriorityPolicy>;
  pmCcChannels: Channel[];
  /** Every category, flattened; empty when the config lists none (then any is accepted). */
  categories: string[];
  /** Category -> its group, when categories are given as a map. */
  categoryGroups: Record<string, string>;
  requiredHeadings: RequiredHeading[];
  rules: Partial<Record<RuleId, SeveritySetting>>;
  publish: { contactDetails: boolean };
  site: { title: string; base: string; url?: string; repository?: string };
  staffDomains: string[];
  github: { logins: Record<string, string>; labels: string[]; remindWithin: number };
}

export const DEFAULT_REQUIRED_HEADINGS: RequiredHeading[] = [
  { name: 'Date of incident', aliases: ['Date'] },
  { name: 'Reporter', aliases: ['Reported by'] },
  { name: 'Severity', aliases: [] },
  { name: 'Timeline of response', aliases: ['Timeline'] },
  { name: 'Exposure / impacts', aliases: ['Exposure', 'Impact', 'Impacts', 'Exposure and impacts'] },
  { name: 'Suspected root cause', aliases: ['Root cause', 'Root causes', 'Cause'] },
  { name: 'Resolution of issue', aliases: ['Resolution'] },
  { name: 'Mitigation steps / prevention in future', aliases: ['Mitigation', 'Prevention', 'Mitigation steps', 'Action items'] },
];

/** The defaults of data-format.md, written as a config file would be. */
const DEFAULTS = {
  timezone: 'UTC',
  business_hours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:30' },
  holidays: [],
  clock: 'business',
  acknowledge_within: '30m',
  windows: {
    morning: { from: '09:00', to: '10:00' },
    lunchtime: { from: '12:00', to: '13:30' },
    'end-of-day': { from: '14:00', to: '16:30' },
  },
  priorities: {
    urgent: { max_gap: '3h', windows: ['end-of-day'] },
    high: { windows: ['morning', 'lunchtime', 'end-of-day'] },
    medium: { windows: ['end-of-day'] },
    low: { weekly: true },
  },
  pm_cc_channels: ['email'],
  categories: [],
  report: { required_headings: DEFAULT_REQUIRED_HEADINGS },
  rules: {},
  publish: { contact_details: false },
  site: { title: 'Incident communication archive', base: '/' },
  staff_domains: [],
  github: { logins: {}, labels: ['commlog'], remind_within: '30m' },
} satisfies ConfigFile;

type PriorityPolicyFile = NonNullable<NonNullable<ConfigFile['priorities']>[Priority]>;

export const CONFIG_FILE_NAME = 'commlog.config.yaml';

export class ConfigError extends Error {}

/** The resolved config of a repository; `text` is commlog.config.yaml, absent when there is none. */
export function parseConfig(text: string | undefined): Config {
  if (text === undefined) return resolveConfig({});
  const yaml = parseYaml(text);
  if (!yaml.ok) {
    const where = yaml.offset === undefined ? '' : `:${lineAt(text, yaml.offset)}`;
    throw new ConfigError(`${CONFIG_FILE_NAME}${where}: not valid YAML: ${yaml.reason}`);
  }
  const value = yaml.value ?? {};
  const result = configFile.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    const offset = yaml.offsetOf(path as (string | number)[]);
    const where = offset === undefined ? '' : `:${lineAt(text, offset)}`;
    const key = pathLabel(path) || '(top level)';
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown key "${key}": see the keys in docs/configuration.md`
        : `${key}: ${issueMessage(issue)}`;
    throw new ConfigError(`${CONFIG_FILE_NAME}${where}: ${message}`);
  }
  return resolveConfig(result.data);
}

function resolveConfig(file: ConfigFile): Config {
  const d = DEFAULTS;
  const hours = { ...d.business_hours, ...file.business_hours };
  const clock = file.clock ?? d.clock;
  const acknowledgeWithin = file.acknowledge_within ?? d.acknowledge_within;
  const windowsIn = { ...d.windows, ...file.windows };
  const windows: Record<string, UpdateWindow> = {};
  for (const [name, w] of Object.entries(windowsIn)) {
    const from = parseTimeOfDay(w.from)!;
    const to = parseTimeOfDay(w.to)!;
    if (from >= to) throw new ConfigError(`${CONFIG_FILE_NAME}: windows.${name}: "from" (${w.from}) must be before "to" (${w.to})`);
    windows[name] = { name, from, to };
  }
  const priorities = {} as Record<Priority, PriorityPolicy>;
  for (const p of PRIORITIES) {
    const policy: PriorityPolicyFile = { ...(d.priorities as Record<Priority, PriorityPolicyFile>)[p], ...file.priorities?.[p] };
    for (const w of policy.windows ?? []) {
      if (!windows[w]) throw new ConfigError(`${CONFIG_FILE_NAME}: priorities.${p}.windows: no window named "${w}" (known: ${Object.keys(windows).join(', ')})`);
    }
    priorities[p] = {
      maxGap: policy.max_gap ? parseDuration(policy.max_gap) : null,
      windows: policy.windows ?? [],
      weekly: policy.weekly ?? false,
      clock: policy.clock ?? clock,
      acknowledgeWithin: parseDuration(policy.acknowledge_within ?? acknowledgeWithin)!,
    };
  }
  const start = parseTimeOfDay(hours.start)!;
  const end = parseTimeOfDay(hours.end)!;
  if (start >= end) throw new ConfigError(`${CONFIG_FILE_NAME}: business_hours: start (${hours.start}) must be before end (${hours.end})`);
  const categoriesIn = file.categories ?? d.categories;
  const categoryGroups: Record<string, string> = {};
  let categories: string[];
  if (Array.isArray(categoriesIn)) {
    categories = categoriesIn;
  } else {
    categories = [];
    for (const [group, list] of Object.entries(categoriesIn)) {
      for (const c of list) {
        categories.push(c);
        categoryGroups[c] = group;
      }
    }
  }
  return {
    timezone: file.timezone ?? d.timezone,
    businessHours: { days: hours.days as Weekday[], start, end },
    holidays: file.holidays ?? d.holidays,
    windows,
    priorities,
    pmCcChannels: (file.pm_cc_channels ?? d.pm_cc_channels) as Channel[],
    categories,
    categoryGroups,
    requiredHeadings: (file.report?.required_headings ?? d.report.required_headings).map((h) => ({ name: h.name, aliases: h.aliases ?? [] })),
    rules: { ...file.rules } as Partial<Record<RuleId, SeveritySetting>>,
    publish: { contactDetails: file.publish?.contact_details ?? d.publish.contact_details },
    site: { ...d.site, ...file.site },
    staffDomains: file.staff_domains ?? d.staff_domains,
    github: {
      logins: file.github?.logins ?? d.github.logins,
      labels: file.github?.labels ?? d.github.labels,
      remindWithin: parseDuration(file.github?.remind_within ?? d.github.remind_within)!,
    },
  };
}
