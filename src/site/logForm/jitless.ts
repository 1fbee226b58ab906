// Imported first by the log form's script: zod probes for eval (`new Function`) before its first
// parse, some of which run as modules load; the page's Content-Security-Policy refuses eval and
// Chromium records the refusal as an issue. Parsing without JIT needs no probe.
import * as z from 'zod';

z.config({ jitless: true });
