import { readdirSync, readFileSync } from 'node:fs';

// Timings of the site build's phases, for docs/performance.md: with `COMMLOG_PROFILE=1` each
// thread adds up the wall and CPU time of what it does, and the integration prints one table
// when the build is done. Without it the clock only calls the function.

export const PROFILE_VARIABLE = 'COMMLOG_PROFILE';

export function profiling(): boolean {
  return /^(1|true|yes|on)$/i.test(process.env[PROFILE_VARIABLE] ?? '');
}

/** Phase name -> milliseconds of wall and of this thread's CPU. */
export type PhaseTimes = Record<string, { wallMs: number; cpuMs: number }>;

/** CPU milliseconds of this thread (Node 23.9 and later; the whole process's on older ones). */
export function threadCpuMs(): number {
  const { user, system } = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : process.cpuUsage();
  return (user + system) / 1000;
}

export class PhaseClock {
  readonly #on = profiling();
  readonly #times: PhaseTimes = {};

  time<T>(phase: string, run: () => T): T {
    if (!this.#on) return run();
    const wall = performance.now();
    const cpu = threadCpuMs();
    try {
      return run();
    } finally {
      this.add(phase, performance.now() - wall, threadCpuMs() - cpu);
    }
  }

  /** Starts a span of this thread; the returned function ends it. */
  span(phase: string): () => void {
    if (!this.#on) return () => {};
    const wall = performance.now();
    const cpu = threadCpuMs();
    return () => this.add(phase, performance.now() - wall, threadCpuMs() - cpu);
  }

  add(phase: string, wallMs: number, cpuMs: number): void {
    const t = (this.#times[phase] ??= { wallMs: 0, cpuMs: 0 });
    t.wallMs += wallMs;
    t.cpuMs += cpuMs;
  }

  merge(times: PhaseTimes, prefix = ''): void {
    for (const [phase, t] of Object.entries(times)) this.add(prefix + phase, t.wallMs, t.cpuMs);
  }

  times(): PhaseTimes {
    return this.#times;
  }
}

/**
 * The build's clock: the main thread's phases and what the worker threads report. Global, because
 * the pages (bundled by Vite) and the integration (loaded by Node) each have their own copy of
 * this module.
 */
export const buildClock: PhaseClock = ((globalThis as Record<symbol, PhaseClock>)[Symbol.for('commlog.buildClock')] ??= new PhaseClock());

/** CPU milliseconds used so far by this process's running child processes (Pagefind), from /proc. */
export function childProcessesCpuMs(): number {
  if (!profiling()) return 0;
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // stat(5) after the command's closing parenthesis: state, ppid, …, utime (12th), stime (13th).
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      if (Number(fields[1]) === process.pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Not Linux, or the process ended while we looked.
    }
  }
  return (ticks * 1000) / 100;
}

export function formatPhases(times: PhaseTimes): string {
  const rows = Object.entries(times).map(([phase, t]) => `| ${phase} | ${(t.wallMs / 1000).toFixed(1)} s | ${(t.cpuMs / 1000).toFixed(1)} s | ${t.wallMs > 0 ? (t.cpuMs / t.wallMs).toFixed(2) : '—'} |`);
  return ['| phase | wall | CPU | cores used |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
