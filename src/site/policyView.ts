// The policy on the site (policies.md): which policy judged an incident, and a client's hours,
// holidays and cadence, in words a project manager or a client reads.
import type { Config, IncidentPolicy, Policy } from '../core/config/config.ts';
import { timeOfDayText } from '../core/config/policy.ts';
import { formatDuration } from '../core/present/duration.ts';
import { PRIORITIES, WEEKDAYS, type Priority } from '../core/schema/values.ts';
import { instantToLocal } from '../core/time/zone.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "contract: Meridian Freight, policy since 1 Sep 2026 — Support contract v2", or "general policy". */
export function policyLabel(resolved: IncidentPolicy, config: Config): string {
  const parts = [resolved.client === undefined ? 'general policy' : `contract: ${resolved.client}`];
  const change = resolved.change;
  if (change?.since !== undefined) {
    const d = instantToLocal(config.timezone, change.since);
    parts.push(`policy since ${d.day} ${MONTHS[d.month - 1]} ${d.year}${change.note ? ` — ${change.note}` : ''}`);
  }
  return parts.join(', ');
}

export interface PolicySummary {
  zone: string;
  /** "Mon–Fri 08:00–17:00, break 12:30–13:30; Fri until 16:00" */
  hours: string;
  holidays: string[];
  /** One line per priority: what it owes and how soon. */
  cadence: { priority: Priority; text: string }[];
}

export function policySummary(policy: Policy): PolicySummary {
  const hours = policy.businessHours;
  const days = hours.days.length === 0 ? 'no business days' : dayList(hours.days);
  const breaks = hours.breaks.map((b) => `${timeOfDayText(b.from)}–${timeOfDayText(b.to)}`);
  const own = WEEKDAYS.filter((d) => hours.days.includes(d) && hours.byDay[d]).map((d) => {
    const w = hours.byWeekday[d]!;
    const br = w.breaks.map((b) => `${timeOfDayText(b.from)}–${timeOfDayText(b.to)}`);
    return `${cap(d)} ${timeOfDayText(w.start)}–${timeOfDayText(w.end)}${br.length ? `, break ${br.join(', ')}` : ''}`;
  });
  const general = `${days} ${timeOfDayText(hours.start)}–${timeOfDayText(hours.end)}${breaks.length ? `, break ${breaks.join(', ')}` : ''}`;
  return {
    zone: policy.timezone,
    hours: own.length ? `${general}; ${own.join('; ')}` : general,
    holidays: policy.holidays,
    cadence: PRIORITIES.map((priority) => {
      const p = policy.priorities[priority];
      const clock = p.clock === 'business' ? 'business time' : 'round the clock';
      const owes = [
        `acknowledge within ${formatDuration(p.acknowledgeWithin)}`,
        p.maxGap !== null && `an update at least every ${formatDuration(p.maxGap)}`,
        p.windows.length > 0 && `updates in the ${p.windows.join(', ')} window${p.windows.length > 1 ? 's' : ''}`,
        p.weekly && 'an update every week',
      ].filter(Boolean);
      return { priority, text: `${owes.join('; ')} (${clock})${p.pausable ? '; paused while awaiting the client' : ''}` };
    }),
  };
}

function dayList(days: readonly string[]): string {
  const index = days.map((d) => WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number])).sort((a, b) => a - b);
  const consecutive = index.every((d, i) => i === 0 || d === index[i - 1] + 1);
  if (consecutive && index.length > 2) return `${cap(WEEKDAYS[index[0]])}–${cap(WEEKDAYS[index.at(-1)!])}`;
  return index.map((d) => cap(WEEKDAYS[d])).join(', ');
}

function cap(day: string): string {
  return day[0].toUpperCase() + day.slice(1);
}
