// Printed once per run (vitest globalSetup), so a failing property names the seed to rerun with.
import { fastCheckSeed } from './seed.ts';

export default function printSeed(): void {
  console.log(`fast-check seed ${fastCheckSeed()} (set FC_SEED=<n> to try another)`);
}
