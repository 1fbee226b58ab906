// The one wording of a duration, in messages, the CLI and the site. It is the data's own form
// (`45m`, `3h`, `3h15m`, data-format.md) up to two days, so a message echoes a policy as it
// was written; from 48 hours on, days and hours (`2d`, `2d4h`, `1777d4h`): minutes no longer
// matter there, and "42652h" cannot be read at a glance. No spaces, no zero parts ("2d", not
// "2d 0h"); seconds only for what is shorter than a minute (`30s`).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface DurationUnit {
  name: 'minutes' | 'hours' | 'days';
  ms: number;
}

/**
 * The unit a set of durations is best read in, by its largest: minutes below two hours, hours
 * below two days (where formatDuration turns to days too), else days. Charts scale their axis
 * by it, so an acknowledgement of minutes is not "0.1 h".
 */
export function durationUnit(largest: number): DurationUnit {
  if (largest < 2 * HOUR) return { name: 'minutes', ms: MINUTE };
  if (largest < 48 * HOUR) return { name: 'hours', ms: HOUR };
  return { name: 'days', ms: 24 * HOUR };
}

export function formatDuration(ms: number): string {
  // Under a minute the seconds are all there is ("30s late", not "0m late").
  if (Math.abs(ms) < MINUTE - 500 && Math.round(ms / 1000) !== 0) return `${Math.round(ms / 1000)}s`;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return `${m}m`;
    return m === 0 ? `${h}h` : `${h}h${m}m`;
  }
  const hours = Math.round(ms / HOUR);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? `${d}d` : `${d}d${h}h`;
}
