import { hashPassword } from "@orderly/shared/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as staffLogin } from "../app/api/auth/staff/route.ts";
import { call, setupWeb, type Fixture } from "./helpers.ts";

let f: Fixture;
beforeAll(async () => {
  f = await setupWeb("web_production", { NODE_ENV: "production" });
});
afterAll(async () => {
  await f?.close();
});

describe("web in production", () => {
  it("refuses the demo password even where the seed left it, and lets a real one in", async () => {
    const slug = f.restaurants[0]!.slug;
    const demo = await call(staffLogin, { body: { restaurantSlug: slug, login: "kitchen", password: "orderly-demo" }, peer: "10.1.0.1" });
    expect(demo.status).toBe(403);
    expect(demo.body.error.message).toMatch(/demo password is refused in production/);

    await f.prisma.staff.updateMany({ where: { login: "kitchen" }, data: { passwordHash: await hashPassword("a-real-kitchen-password") } });
    const real = await call(staffLogin, { body: { restaurantSlug: slug, login: "kitchen", password: "a-real-kitchen-password" }, peer: "10.1.0.2" });
    expect(real.status).toBe(200);
  });
});
