import { z } from "zod";

// Imported first by every entry point, before any schema is built. In browsers zod must not
// compile parsers with `new Function`: the pages' Content-Security-Policy forbids eval, and even
// zod's caught probe for it is reported as a violation. Servers keep the faster compiled parsers.
if ("window" in globalThis) z.config({ jitless: true });
