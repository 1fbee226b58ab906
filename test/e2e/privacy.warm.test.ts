// The privacy tests of privacy.test.ts on a warm build (buildSite.ts).
import { useWarmBuilds } from './buildSite.ts';

useWarmBuilds();
await import('./privacy.test.ts');
