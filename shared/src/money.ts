import { z } from "zod";

/** Money is always an integer number of paise (1/100 rupee); never a float. */
export const paiseSchema = z.number().int().nonnegative().max(100_000_000);
export type Paise = z.infer<typeof paiseSchema>;

const inr = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" });

export function formatInr(paise: Paise): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`paise must be an integer, got ${paise}`);
  return inr.format(paise / 100);
}

const wholeRupees = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", trailingZeroDisplay: "stripIfInteger" });

/** Without paise when there are none ("₹740", "₹2,65,270"): cash counted at the door, totals at a glance. */
export function formatRupees(paise: Paise): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`paise must be an integer, got ${paise}`);
  return wholeRupees.format(paise / 100);
}
