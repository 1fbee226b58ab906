// Formatting shared by the server-rendered pages and the archive's browser script (small
// imports only, so the script stays small).
import { formatDuration } from '../core/present/duration.ts';

/** An elapsed time in the one duration wording (`45m`, `24h38m`, `3d4h`); `—` when unknown. */
export function formatElapsed(ms: number | undefined | null): string {
  return ms === undefined || ms === null ? '—' : formatDuration(ms);
}

export function formatPercent(share: number | undefined | null): string {
  return share === undefined || share === null ? '—' : `${Math.round(share * 100)}%`;
}
