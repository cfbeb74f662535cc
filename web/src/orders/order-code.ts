import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: codes are read aloud at the counter.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A short human code for an order, e.g. "K7F3Q"; uniqueness is enforced by the database. */
export function orderCode(length = 5): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}
