import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../src/server.ts";

describe("passwords", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("orderly-demo");
    const b = await hashPassword("orderly-demo");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("orderly-demo", a)).toBe(true);
    expect(await verifyPassword("orderly-demo ", a)).toBe(false);
    expect(await verifyPassword("orderly-demo", "plain-text")).toBe(false);
  });
});
