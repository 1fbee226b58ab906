// Formatting shared by the server-rendered pages and the archive's browser script (no imports,
// so the script stays small).

/** `2h 05m`, `3d 4h`, `45m`: the larger units only, for elapsed times. */
export function formatElapsed(ms: number | undefined | null): string {
  if (ms === undefined || ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  const days = Math.floor(hours / 24);
  return `${days}d ${hours % 24}h`;
}

export function formatPercent(share: number | undefined | null): string {
  return share === undefined || share === null ? '—' : `${Math.round(share * 100)}%`;
}
