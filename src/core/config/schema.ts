// commlog.config.yaml as zod schemas: the one statement of its keys, their defaults and their
// parsed forms (data-format.md, policies.md). Each policy key carries its default, so parsing
// a merged set of layers fills what no layer sets; unknown keys are errors.
import { z } from 'zod';
import { RULE_IDS } from '../rules/registry.ts';
import { calendarDate, caseInsensitiveEnum, CHANNELS, duration, PRIORITIES, stringList, timeOfDay, timeZone, WEEKDAYS } from '../schema/values.ts';
import { dateProblem, parseDuration, parseTimeOfDay, timestampProblem } from '../time/timestamp.ts';

/**
 * The rule ids, read when a config is parsed: the rule modules import the config's types and
 * defaults, so the registry may not be loaded yet when this module is, and its type would be
 * inferred in a circle.
 */
const ruleIds = (): [string, ...string[]] => RULE_IDS as [string, ...string[]];

export const CLOCK_KINDS = ['business', 'always'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
const clockKind = caseInsensitiveEnum(CLOCK_KINDS);

/** A duration as milliseconds. */
const millis = duration.transform((text) => parseDuration(text)!);
/** A time of day as minutes since local midnight. */
const minuteOfDay = timeOfDay.transform((text) => parseTimeOfDay(text)!);

const span = z.strictObject({ from: minuteOfDay, to: minuteOfDay });
const breaks = z.array(span).meta({ description: 'breaks [from, to) within the day\'s business hours, not overlapping' });

const dayHours = z.strictObject({ start: minuteOfDay.optional(), end: minuteOfDay.optional(), breaks: breaks.optional() });

const businessHours = z
  .strictObject({
  days: z.array(caseInsensitiveEnum(WEEKDAYS)).default(['mon', 'tue', 'wed', 'thu', 'fri']),
  start: minuteOfDay.prefault('09:00'),
  end: minuteOfDay.prefault('17:30'),
  breaks: breaks.default([]),
  by_day: z
    .partialRecord(z.enum(WEEKDAYS), dayHours)
    .default({})
    .meta({ description: 'start, end and breaks of one weekday of `days`; what it leaves out comes from the general ones' }),
  })
  .meta({ id: 'business_hours' });

/** The defaults of one priority's entry; `clock` and `acknowledge_within` default to the top level. */
function priorityEntry(name: string, defaults: { max_gap?: string; windows?: string[]; weekly?: boolean }) {
  return z
    .strictObject({
      max_gap: millis.nullable().prefault(defaults.max_gap ?? null),
      windows: z.array(z.string()).default(defaults.windows ?? []),
      weekly: z.boolean().default(defaults.weekly ?? false),
      clock: clockKind.optional(),
      acknowledge_within: millis.optional(),
      pausable: z.boolean().default(false).meta({ description: 'pause the max-gap clock, windows and weeks while awaiting the client (policies.md)' }),
    })
    .prefault({})
    .meta({ id: `priority_${name}` });
}

export const DEFAULT_WINDOWS = {
  morning: { from: '09:00', to: '10:00' },
  lunchtime: { from: '12:00', to: '13:30' },
  'end-of-day': { from: '14:00', to: '16:30' },
};

const DEFAULT_WINDOWS_PARSED = Object.fromEntries(
  Object.entries(DEFAULT_WINDOWS).map(([name, w]) => [name, { from: parseTimeOfDay(w.from)!, to: parseTimeOfDay(w.to)! }]),
);

const windowName = z.string().regex(/^[a-z0-9-]+$/, 'a window name is lower-case letters, digits and -');

/** The policy keys of policies.md, each with its default. */
const policyFields = {
  timezone: timeZone.default('UTC'),
  business_hours: businessHours.prefault({}),
  holidays: z.array(calendarDate).default([]),
  clock: clockKind.prefault('business'),
  acknowledge_within: millis.prefault('30m'),
  // A mapping merges with the default mapping key by key: the default windows stay unless redefined.
  windows: z
    .record(windowName, z.strictObject({ from: minuteOfDay, to: minuteOfDay }))
    .prefault({})
    .transform((windows) => ({ ...DEFAULT_WINDOWS_PARSED, ...windows })),
  priorities: z
    .strictObject({
      urgent: priorityEntry('urgent', { max_gap: '3h', windows: ['end-of-day'] }),
      high: priorityEntry('high', { windows: ['morning', 'lunchtime', 'end-of-day'] }),
      medium: priorityEntry('medium', { windows: ['end-of-day'] }),
      low: priorityEntry('low', { weekly: true }),
    })
    .prefault({}),
  pm_cc_channels: z.array(caseInsensitiveEnum(CHANNELS)).default(['email']),
};

export const POLICY_KEYS = Object.keys(policyFields) as (keyof typeof policyFields)[];

/** Policy keys only, as one layer writes them (a client's entry, the top level). */
export const policyLayer = z.strictObject(policyFields).meta({ id: 'policy' });

const notTheZone = z
  .never({ error: 'a policy change cannot change the time zone (its `since` is read in that zone); set `timezone` at the top level or on the client' })
  .optional();

/** A client's entry inside a policy change: policy keys other than `timezone`. */
const changeClientLayer = z.strictObject({ ...policyFields, timezone: notTheZone }).meta({ id: 'policy_without_timezone' });

/** A timestamp, or a date alone meaning 00:00; without an offset, in the config's `timezone`. */
const since = z
  .string({ error: 'expected a date 2026-09-01 or a timestamp 2026-09-01T09:00' })
  .superRefine((text, ctx) => {
    if (dateProblem(text) === null) return;
    const problem = timestampProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: `"${text}": expected a date 2026-09-01 or a timestamp 2026-09-01T09:00` });
  });

const policyChange = z.strictObject({
  since,
  note: z.string().optional(),
  ...policyFields,
  timezone: notTheZone,
  clients: z.record(z.string(), changeClientLayer).optional(),
});

const heading = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
});

export const DEFAULT_REQUIRED_HEADINGS = [
  { name: 'Date of incident', aliases: ['Date'] },
  { name: 'Reporter', aliases: ['Reported by'] },
  { name: 'Severity', aliases: [] },
  { name: 'Timeline of response', aliases: ['Timeline'] },
  { name: 'Exposure / impacts', aliases: ['Exposure', 'Impact', 'Impacts', 'Exposure and impacts'] },
  { name: 'Suspected root cause', aliases: ['Root cause', 'Root causes', 'Cause'] },
  { name: 'Resolution of issue', aliases: ['Resolution'] },
  { name: 'Mitigation steps / prevention in future', aliases: ['Mitigation', 'Prevention', 'Mitigation steps', 'Action items'] },
];

const SAME_ADVICE = {
  reproduce: 'say what you tried and offer a screenshare',
  acknowledge: 'acknowledge what the client sees',
  restate: 'restate the point without the reproach',
};

/** wording.avoid (quality.md): phrases the team avoids in what it sends, each with what to do instead. */
export const DEFAULT_AVOIDED_PHRASES = [
  { phrase: "can't reproduce", suggest: SAME_ADVICE.reproduce },
  { phrase: 'cannot reproduce', suggest: SAME_ADVICE.reproduce },
  { phrase: 'could not reproduce', suggest: SAME_ADVICE.reproduce },
  { phrase: 'unable to reproduce', suggest: SAME_ADVICE.reproduce },
  { phrase: 'works for me', suggest: SAME_ADVICE.acknowledge },
  { phrase: 'works on my machine', suggest: SAME_ADVICE.acknowledge },
  { phrase: 'user error', suggest: 'describe what happened, not who erred' },
  { phrase: 'as I said', suggest: SAME_ADVICE.restate },
  { phrase: 'as previously stated', suggest: SAME_ADVICE.restate },
  { phrase: 'calm down', suggest: 'answer the concern behind the emotion' },
];

/** report.blame_phrases (quality.md): an entry ending in `*` matches any word that starts with it. */
export const DEFAULT_BLAME_PHRASES = ['human error', 'at fault', 'to blame', 'blamed', 'careless*', 'negligen*', 'should have known', 'failed to follow'];

const phraseText = z.string({ error: 'expected a phrase' }).refine((text) => /[\p{L}\p{N}]/u.test(text), 'a phrase needs a letter or digit');

const avoidedPhrase = z.strictObject({
  phrase: phraseText,
  suggest: z.string({ error: 'each avoided phrase says what to do instead: suggest: "…"' }).min(1),
});

/** The keys that are not part of a policy: categories, report, rules, publish and extensions. */
const settingFields = {
  categories: z.union([stringList, z.record(z.string(), stringList)], { error: 'expected a list of categories, or a map of group -> list' }).default([]),
  report: z
    .strictObject({
      required_headings: z.array(heading).default(DEFAULT_REQUIRED_HEADINGS),
      share_within: millis.prefault('40h').meta({ description: 'business time after resolved_at to send the report to the client (rule report-shared)' }),
      blame_phrases: z.array(phraseText).default(DEFAULT_BLAME_PHRASES).meta({ description: 'phrases that blame a person in a report (rule report-blame); an entry ending in * matches any word that starts with it; a list replaces the default' }),
    })
    .prefault({}),
  wording: z
    .strictObject({
      avoid: z.array(avoidedPhrase).default(DEFAULT_AVOIDED_PHRASES).meta({ description: 'phrases an outbound entry avoids, each with what to do instead (rule wording); a list replaces the default' }),
    })
    .prefault({}),
  log_within: millis.prefault('24h').meta({ description: 'wall-clock time from a contact to its entry being committed (rule late-log)' }),
  rules: z.lazy(() => z.partialRecord(z.enum(ruleIds()), z.enum(['error', 'warning', 'off']))).default({}),
  publish: z.strictObject({ contact_details: z.boolean().default(false) }).prefault({}),
  // Extensions of this implementation (docs/decisions.md): the site, GitHub and e-mail import.
  site: z
    .strictObject({
      title: z.string().default('Incident communication archive'),
      base: z.string().default('/'),
      url: z.string().optional(),
      repository: z.string().optional(),
      clients: z
        .array(
          z.union([
            z.string().min(1),
            z.strictObject({ name: z.string().min(1), base: z.string().optional(), url: z.string().optional(), title: z.string().optional() }),
          ]),
        )
        .default([])
        .meta({ description: 'the client sites `commlog site build` makes, each of one client\'s public incidents only: a client as in incident.md `client`, or { name, base, url, title } (docs/site.md)' }),
    })
    .prefault({}),
  staff_domains: z.array(z.string()).default([]),
  github: z
    .strictObject({
      logins: z.record(z.string(), z.string()).default({}),
      labels: z.array(z.string()).default(['commlog']),
      remind_within: millis.prefault('30m'),
    })
    .prefault({}),
};

export const settings = z.object(settingFields);

export const NON_POLICY_KEYS = Object.keys(settingFields);

export const configFile = z.strictObject({
  ...policyFields,
  ...settingFields,
  clients: z
    .record(z.string(), policyLayer)
    .optional()
    .meta({ description: 'per-client policies, matched to incident.md `client` ignoring case and runs of whitespace (policies.md)' }),
  policy_changes: z
    .array(policyChange)
    .optional()
    .meta({ description: 'dated changes of the policy, oldest first; each applies to incidents opened at or after its `since` (policies.md)' }),
});

export type ConfigFile = z.input<typeof configFile>;
export type PolicyLayer = z.input<typeof policyLayer>;
