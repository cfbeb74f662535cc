import type { TokenClaims } from "@orderly/shared";
import { signToken, verifyToken } from "@orderly/shared/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as refresh } from "../app/api/auth/refresh/route.ts";
import { POST as staffLogin } from "../app/api/auth/staff/route.ts";
import { JWT_SECRET, call, setupWeb, type Fixture } from "./helpers.ts";

let f: Fixture;
beforeAll(async () => {
  f = await setupWeb("web_auth", { RATE_LIMIT_LOGINS_PER_MINUTE: "5" });
});
afterAll(async () => {
  await f?.close();
});

const attempt = (body: unknown, peer = "10.0.0.1", headers: Record<string, string> = {}) => call(staffLogin, { body, peer, headers });

describe("POST /api/auth/staff", () => {
  it("issues role tokens with exactly the claims of the shared schemas", async () => {
    const r = f.restaurants[0]!;
    const kitchen = await attempt({ restaurantSlug: r.slug, login: "kitchen", password: "orderly-demo" }, "10.0.1.1");
    expect(kitchen.status).toBe(200);
    expect(kitchen.body).toMatchObject({ role: "kitchen", restaurantId: r.id, kitchenId: r.kitchenId });
    const claims = verifyToken(kitchen.body.token, JWT_SECRET);
    expect(claims.ok && claims.claims).toEqual({ role: "kitchen", sub: expect.any(String), restaurantId: r.id, kitchenId: r.kitchenId });
    const hours = (Date.parse(kitchen.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);

    const admin = await attempt({ restaurantSlug: r.slug, login: "admin", password: "orderly-demo" }, "10.0.1.2");
    const adminClaims = verifyToken(admin.body.token, JWT_SECRET);
    expect(adminClaims.ok && adminClaims.claims).toEqual({ role: "admin", sub: expect.any(String), restaurantId: r.id, kitchenIds: [r.kitchenId] });
  });

  it("answers a wrong password, login or restaurant with the same 401", async () => {
    const slug = f.restaurants[0]!.slug;
    const answers = await Promise.all([
      attempt({ restaurantSlug: slug, login: "kitchen", password: "wrong" }, "10.0.2.1"),
      attempt({ restaurantSlug: slug, login: "nobody", password: "orderly-demo" }, "10.0.2.2"),
      attempt({ restaurantSlug: "nowhere", login: "kitchen", password: "orderly-demo" }, "10.0.2.3"),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: "UNAUTHORIZED", message: "Invalid restaurant, login or password" } });
    }
  });

  it("names bad fields and refuses other content types", async () => {
    const missing = await attempt({ restaurantSlug: "fort-kochi", login: "" }, "10.0.3.1");
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields)).toEqual(["login", "password"]);
    const form = await call(staffLogin, { body: "login=kitchen", headers: { "content-type": "application/x-www-form-urlencoded" }, peer: "10.0.3.2" });
    expect(form.status).toBe(415);
  });

  it("limits logins per client address with 429 and Retry-After; a forged X-Forwarded-For changes nothing", async () => {
    const body = { restaurantSlug: "fort-kochi", login: "kitchen", password: "guess" };
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt(body, "10.0.4.1", { "x-forwarded-for": `192.0.2.${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await attempt(body, "10.0.4.1");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect((await attempt(body, "10.0.4.2")).status).toBe(401);
  });
});

describe("POST /api/auth/refresh", () => {
  it("gives a fresh token with the same claims for any unexpired token, and 401 otherwise", async () => {
    const claims: TokenClaims = { role: "customer", orderIds: [f.restaurants[0]!.id] };
    const old = signToken(claims, JWT_SECRET, 60);
    const fresh = await call(refresh, { token: old.token, method: "POST" });
    expect(fresh.status).toBe(200);
    const verified = verifyToken(fresh.body.token, JWT_SECRET);
    expect(verified.ok && verified.claims).toEqual(claims);
    expect(Date.parse(fresh.body.expiresAt)).toBeGreaterThan(old.expiresAt.getTime());

    const expired = await call(refresh, { token: signToken(claims, JWT_SECRET, -1).token, method: "POST" });
    expect(expired).toMatchObject({ status: 401, body: { error: { code: "TOKEN_EXPIRED" } } });
    expect((await call(refresh, { method: "POST" })).status).toBe(401);
    expect((await call(refresh, { token: signToken(claims, "another-secret-another-secret-xx", 60).token, method: "POST" })).status).toBe(401);
  });
});
