/**
 * zod, configured once for the whole app: every module takes `z` from here, never from 'zod' directly.
 *
 * zod 4 speeds up object parsing by compiling code with `new Function`, after probing whether it may. The
 * app's Content-Security-Policy has no 'unsafe-eval', so the probe alone is reported as a violation (and the
 * JIT could never run anyway). jitless keeps validation identical, interpreted.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
