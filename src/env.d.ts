// Astro's ambient types (import.meta.env, .astro modules) without a generated .astro/ folder,
// so `npm run typecheck` passes on a fresh clone before any `astro sync` or build.
/// <reference types="astro/client" />
