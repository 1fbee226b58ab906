// An incident's policy as `commlog policy` shows it (policies.md): the layers applied, and the
// effective policy written back in the config's own forms (durations such as 1h30m, times of
// day such as "16:30"), so it can be read, compared and pasted like the config.
import { PRIORITIES, WEEKDAYS } from '../schema/values.ts';
import type { IncidentPolicy, Policy } from './config.ts';
import { timeOfDayText, type DaySpan } from './policy.ts';

export interface PolicyDescription {
  layers: string[];
  policy: ReturnType<typeof writtenPolicy>;
}

export function describePolicy(resolved: IncidentPolicy): PolicyDescription {
  return { layers: resolved.layers.map((l) => l.name), policy: writtenPolicy(resolved.policy) };
}

/** Every policy key with its effective value, as a config file would write it. */
export function writtenPolicy(p: Policy) {
  const hours = p.businessHours;
  const byDay: Record<string, { start?: string; end?: string; breaks?: { from: string; to: string }[] }> = {};
  for (const day of WEEKDAYS) {
    const own = hours.byDay[day];
    if (!own) continue;
    byDay[day] = {
      ...(own.start === undefined ? {} : { start: timeOfDayText(own.start) }),
      ...(own.end === undefined ? {} : { end: timeOfDayText(own.end) }),
      ...(own.breaks === undefined ? {} : { breaks: own.breaks.map(span) }),
    };
  }
  return {
    timezone: p.timezone,
    business_hours: { days: hours.days, start: timeOfDayText(hours.start), end: timeOfDayText(hours.end), breaks: hours.breaks.map(span), by_day: byDay },
    holidays: p.holidays,
    clock: p.clock,
    acknowledge_within: writtenDuration(p.acknowledgeWithin),
    windows: Object.fromEntries(Object.values(p.windows).map((w) => [w.name, span(w)])),
    priorities: Object.fromEntries(
      PRIORITIES.map((name) => {
        const q = p.priorities[name];
        return [
          name,
          {
            max_gap: q.maxGap === null ? null : writtenDuration(q.maxGap),
            windows: q.windows,
            weekly: q.weekly,
            clock: q.clock,
            acknowledge_within: writtenDuration(q.acknowledgeWithin),
            pausable: q.pausable,
          },
        ];
      }),
    ),
    pm_cc_channels: p.pmCcChannels,
  };
}

function span(s: DaySpan): { from: string; to: string } {
  return { from: timeOfDayText(s.from), to: timeOfDayText(s.to) };
}

/** A duration in the config's own form (`30m`, `3h`, `1h30m`), whatever its length. */
function writtenDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h${m}m`;
}
