// Every property test in `npm test` runs with one fixed seed, so a run cannot pass or fail by
// chance: a failure reproduces with the same command. FC_SEED=<n> explores another seed; each
// counterexample found that way is kept as a named example beside its property.
import fc from 'fast-check';
import { fastCheckSeed } from './seed.ts';

fc.configureGlobal({ seed: fastCheckSeed() });
