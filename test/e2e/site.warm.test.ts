// The browser tests of site.test.ts on a warm build (buildSite.ts).
import { useWarmBuilds } from './buildSite.ts';

useWarmBuilds();
await import('./site.test.ts');
