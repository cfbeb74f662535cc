import { describe, expect, it } from "vitest";
import { multiLine, singleLine } from "../src/index.ts";

describe("text fields", () => {
  it("refuse control characters (NUL among them) with a message naming the problem", () => {
    for (const bad of ["Anu\u0000", "A\u0007nu", "A\u001bnu", "A\u0085nu", "A\u007fnu"]) {
      expect(singleLine(80).safeParse(bad).error?.issues[0]?.message, JSON.stringify(bad)).toBe("must not contain control characters");
      expect(multiLine(80).safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("let multi-line fields keep newlines and tabs, single-line ones not", () => {
    expect(multiLine(80).parse("  Flat 2\nBroadway\tKochi ")).toBe("Flat 2\nBroadway\tKochi");
    expect(singleLine(80).safeParse("Anu\nThomas").success).toBe(false);
  });

  it("trim, then bound the length", () => {
    expect(singleLine(5).parse("  Anu  ")).toBe("Anu");
    expect(singleLine(5).safeParse("Anu Thomas").error?.issues[0]?.message).toBe("must be at most 5 characters");
  });
});
