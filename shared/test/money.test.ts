import { describe, expect, it } from "vitest";
import { formatInr, formatRupees, paiseSchema } from "../src/index.ts";

describe("money", () => {
  it("formats paise as rupees with Indian digit grouping", () => {
    expect(formatInr(0)).toBe("₹0.00");
    expect(formatInr(24900)).toBe("₹249.00");
    expect(formatInr(12345650)).toBe("₹1,23,456.50");
  });

  it("drops the paise only when there are none, for cash and totals", () => {
    expect(formatRupees(74000)).toBe("₹740");
    expect(formatRupees(26527000)).toBe("₹2,65,270");
    expect(formatRupees(12345650)).toBe("₹1,23,456.50");
  });

  it("refuses fractional paise", () => {
    expect(() => formatInr(10.5)).toThrow(RangeError);
    expect(() => formatRupees(10.5)).toThrow(RangeError);
    expect(paiseSchema.safeParse(10.5).success).toBe(false);
    expect(paiseSchema.safeParse(-1).success).toBe(false);
    expect(paiseSchema.safeParse(1999).success).toBe(true);
  });
});
