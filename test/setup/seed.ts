// The one fast-check seed of a test run: FC_SEED when set (to explore), else a fixed default.
export const DEFAULT_FAST_CHECK_SEED = 20261204;

export function fastCheckSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FC_SEED;
  if (raw === undefined || raw === '') return DEFAULT_FAST_CHECK_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return seed;
}
