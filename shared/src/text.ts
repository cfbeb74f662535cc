import { z } from "zod";

// C0 and C1 control characters (NUL among them: Postgres refuses it in text). Multi-line fields
// keep tab, newline and carriage return.
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_WHITESPACE = /(?![\t\n\r])\p{Cc}/u;
const NO_CONTROL = "must not contain control characters";

/** A trimmed single-line text field of at most `max` characters. */
export function singleLine(max: number) {
  return z.string().trim().max(max, `must be at most ${max} characters`).refine((s) => !CONTROL.test(s), NO_CONTROL);
}

/** A trimmed text field that may span lines (notes, addresses), at most `max` characters. */
export function multiLine(max: number) {
  return z.string().trim().max(max, `must be at most ${max} characters`).refine((s) => !CONTROL_BUT_WHITESPACE.test(s), NO_CONTROL);
}
