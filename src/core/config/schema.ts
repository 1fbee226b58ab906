// commlog.config.yaml as written (data-format.md), every key optional. Unknown keys are errors.
import { z } from 'zod';
import { RULE_IDS } from '../findings.ts';
import { calendarDate, caseInsensitiveEnum, CHANNELS, duration, PRIORITIES, stringList, timeOfDay, timeZone, WEEKDAYS } from '../schema/values.ts';

const clockKind = caseInsensitiveEnum(['business', 'always']);

const priorityPolicy = z.strictObject({
  max_gap: duration.nullable().optional(),
  windows: z.array(z.string()).optional(),
  weekly: z.boolean().optional(),
  clock: clockKind.optional(),
  acknowledge_within: duration.optional(),
});

const heading = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string()).optional(),
});

export const configFile = z.strictObject({
  timezone: timeZone.optional(),
  business_hours: z
    .strictObject({
      days: z.array(caseInsensitiveEnum(WEEKDAYS)).optional(),
      start: timeOfDay.optional(),
      end: timeOfDay.optional(),
    })
    .optional(),
  holidays: z.array(calendarDate).optional(),
  clock: clockKind.optional(),
  acknowledge_within: duration.optional(),
  windows: z.record(z.string().regex(/^[a-z0-9-]+$/, 'a window name is lower-case letters, digits and -'), z.strictObject({ from: timeOfDay, to: timeOfDay })).optional(),
  priorities: z.partialRecord(z.enum(PRIORITIES), priorityPolicy).optional(),
  pm_cc_channels: z.array(caseInsensitiveEnum(CHANNELS)).optional(),
  categories: z.union([stringList, z.record(z.string(), stringList)], { error: 'expected a list of categories, or a map of group -> list' }).optional(),
  report: z.strictObject({ required_headings: z.array(heading).optional() }).optional(),
  rules: z.partialRecord(z.enum(RULE_IDS as [string, ...string[]]), z.enum(['error', 'warning', 'off'])).optional(),
  publish: z.strictObject({ contact_details: z.boolean().optional() }).optional(),
  // Extensions of this implementation (docs/decisions.md): the site, GitHub and e-mail import.
  site: z
    .strictObject({
      title: z.string().optional(),
      base: z.string().optional(),
      url: z.string().optional(),
      repository: z.string().optional(),
    })
    .optional(),
  staff_domains: z.array(z.string()).optional(),
  github: z
    .strictObject({
      logins: z.record(z.string(), z.string()).optional(),
      labels: z.array(z.string()).optional(),
      remind_within: duration.optional(),
    })
    .optional(),
});

export type ConfigFile = z.output<typeof configFile>;
