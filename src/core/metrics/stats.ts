// Order statistics for the trends: medians and percentiles of durations.

/**
 * The p-th percentile (0..100) by linear interpolation between closest ranks (the method of
 * spreadsheets' PERCENTILE.INC and numpy's default), or undefined for no values.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function median(values: readonly number[]): number | undefined {
  return percentile(values, 50);
}

/** met / due, or undefined when nothing was due. */
export function share(met: number, due: number): number | undefined {
  return due === 0 ? undefined : met / due;
}
