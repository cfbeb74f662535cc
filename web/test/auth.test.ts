import { randomUUID } from "node:crypto";
import type { TokenClaims } from "@orderly/shared";
import { signToken, verifyToken } from "@orderly/shared/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as logoutAll } from "../app/api/auth/logout-all/route.ts";
import { POST as refresh } from "../app/api/auth/refresh/route.ts";
import { POST as staffLogin } from "../app/api/auth/staff/route.ts";
import { GET as kitchenOrders } from "../app/api/kitchens/[id]/orders/route.ts";
import { JWT_SECRET, call, login, move, place, setupWeb, type Fixture } from "./helpers.ts";

let f: Fixture;
beforeAll(async () => {
  f = await setupWeb("web_auth", { RATE_LIMIT_LOGINS_PER_MINUTE: "5", STAFF_SESSION_MAX_DAYS: "7" });
});
afterAll(async () => {
  await f?.close();
});

const attempt = (body: unknown, peer = "10.0.0.1", headers: Record<string, string> = {}) => call(staffLogin, { body, peer, headers });
const claimsOf = (token: string) => {
  const verified = verifyToken(token, JWT_SECRET, { ignoreExpiration: true });
  if (!verified.ok) throw new Error(`not a token: ${verified.reason}`);
  return verified.claims;
};
const staffClaimsOf = (token: string) => {
  const claims = claimsOf(token);
  if (claims.role === "customer" || claims.role === "guest") throw new Error("not a staff token");
  return claims;
};
const refreshWith = (token: string) => call(refresh, { token, method: "POST" });

/** A staff account of its own (so disabling or deleting it disturbs no other test), logged in. */
async function freshStaff(role: "KITCHEN" | "DELIVERY" | "ADMIN") {
  const r = f.restaurants[0]!;
  const template = await f.prisma.staff.findFirstOrThrow({ where: { restaurantId: r.id, login: "kitchen" } });
  const staff = await f.prisma.staff.create({
    data: {
      restaurantId: r.id,
      kitchenId: role === "KITCHEN" ? r.kitchenId : null,
      role,
      login: `staff-${randomUUID().slice(0, 8)}`,
      displayName: "Temp",
      passwordHash: template.passwordHash,
    },
  });
  const response = await attempt({ restaurantSlug: r.slug, login: staff.login, password: "orderly-demo" }, randomUUID());
  expect(response.status).toBe(200);
  return { staff, token: response.body.token as string };
}

describe("POST /api/auth/staff", () => {
  it("issues short-lived role tokens with exactly the claims of the shared schemas", async () => {
    const r = f.restaurants[0]!;
    const kitchen = await attempt({ restaurantSlug: r.slug, login: "kitchen", password: "orderly-demo" }, "10.0.1.1");
    expect(kitchen.status).toBe(200);
    expect(kitchen.body).toMatchObject({ role: "kitchen", restaurantId: r.id, kitchenId: r.kitchenId });
    const staffRow = await f.prisma.staff.findFirstOrThrow({ where: { restaurantId: r.id, login: "kitchen" } });
    expect(claimsOf(kitchen.body.token)).toEqual({ role: "kitchen", sub: staffRow.id, restaurantId: r.id, kitchenId: r.kitchenId, ver: 0, authAt: expect.any(Number) });
    const minutes = (Date.parse(kitchen.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14.9);
    expect(minutes).toBeLessThanOrEqual(15);

    const admin = await attempt({ restaurantSlug: r.slug, login: "admin", password: "orderly-demo" }, "10.0.1.2");
    expect(claimsOf(admin.body.token)).toEqual({ role: "admin", sub: expect.any(String), restaurantId: r.id, kitchenIds: [r.kitchenId], ver: 0, authAt: expect.any(Number) });
  });

  it("answers a wrong password, login or restaurant, and a disabled account, with the same 401", async () => {
    const slug = f.restaurants[0]!.slug;
    const disabled = await freshStaff("KITCHEN");
    await f.prisma.staff.update({ where: { id: disabled.staff.id }, data: { active: false } });
    const answers = await Promise.all([
      attempt({ restaurantSlug: slug, login: "kitchen", password: "wrong" }, "10.0.2.1"),
      attempt({ restaurantSlug: slug, login: "nobody", password: "orderly-demo" }, "10.0.2.2"),
      attempt({ restaurantSlug: "nowhere", login: "kitchen", password: "orderly-demo" }, "10.0.2.3"),
      attempt({ restaurantSlug: slug, login: disabled.staff.login, password: "orderly-demo" }, "10.0.2.4"),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: "UNAUTHORIZED", message: "Invalid restaurant, login or password" } });
    }
  });

  it("names bad fields, refuses control characters and other content types", async () => {
    const missing = await attempt({ restaurantSlug: "fort-kochi", login: "" }, "10.0.3.1");
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields)).toEqual(["login", "password"]);
    const nul = await attempt({ restaurantSlug: "fort-kochi", login: "kit\u0000chen", password: "orderly-demo" }, "10.0.3.3");
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields).toEqual({ login: "must not contain control characters" });
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
  it("renews a customer token with the same claims while it is unexpired, and 401 otherwise", async () => {
    const claims: TokenClaims = { role: "customer", sub: randomUUID(), orderIds: [randomUUID()] };
    const old = signToken(claims, JWT_SECRET, 60);
    const fresh = await refreshWith(old.token);
    expect(fresh.status).toBe(200);
    expect(claimsOf(fresh.body.token)).toEqual(claims);
    expect(Date.parse(fresh.body.expiresAt)).toBeGreaterThan(old.expiresAt.getTime());

    expect(await refreshWith(signToken(claims, JWT_SECRET, -1).token)).toMatchObject({ status: 401, body: { error: { code: "TOKEN_EXPIRED" } } });
    expect((await call(refresh, { method: "POST" })).status).toBe(401);
    expect((await refreshWith(signToken(claims, "another-secret-0123456789abcdefghij", 60).token)).status).toBe(401);
  });

  it("renews a staff session, even from an expired token, from the account as it is now", async () => {
    const { staff, token } = await freshStaff("KITCHEN");
    const expired = signToken(staffClaimsOf(token), JWT_SECRET, -60).token;
    const renewed = await refreshWith(expired);
    expect(renewed.status).toBe(200);
    expect(claimsOf(renewed.body.token)).toMatchObject({ role: "kitchen", sub: staff.id, authAt: staffClaimsOf(token).authAt });
    expect(Date.parse(renewed.body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it("refuses past the absolute lifetime counted from login", async () => {
    const { token } = await freshStaff("DELIVERY");
    const eightDaysAgo = Math.floor(Date.now() / 1000) - 8 * 86_400;
    const old = signToken({ ...staffClaimsOf(token), authAt: eightDaysAgo }, JWT_SECRET, 600).token;
    const refused = await refreshWith(old);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: "UNAUTHORIZED", message: "This login has expired; log in again" });
  });
});

describe("an account that is removed, disabled, changed or logged out everywhere", () => {
  const kitchenList = (token: string) => call(kitchenOrders, { token, params: { id: f.restaurants[0]!.kitchenId } });

  it("gets 401 on every request and cannot refresh: never a 500", async () => {
    const order = (await place(f)).body.order.ticket.id;

    const removed = await freshStaff("ADMIN");
    expect((await kitchenList(removed.token)).status).toBe(200);
    await f.prisma.staff.delete({ where: { id: removed.staff.id } });
    for (const answer of [await kitchenList(removed.token), await move(order, "ACCEPTED", removed.token), await refreshWith(removed.token)]) {
      expect(answer).toMatchObject({ status: 401, body: { error: { code: "UNAUTHORIZED", message: "This account is no longer active; log in again" } } });
    }

    const disabled = await freshStaff("KITCHEN");
    await f.prisma.staff.update({ where: { id: disabled.staff.id }, data: { active: false } });
    expect((await kitchenList(disabled.token)).status).toBe(401);
    expect((await refreshWith(disabled.token)).status).toBe(401);

    const changed = await freshStaff("KITCHEN");
    await f.prisma.staff.update({ where: { id: changed.staff.id }, data: { role: "DELIVERY", kitchenId: null } });
    expect((await kitchenList(changed.token)).body.error.message).toBe("This account was changed; log in again");

    expect((await f.prisma.orderEvent.findMany({ where: { orderId: order } })).length).toBe(1);
  });

  it("a deleted courier taking an order gets 401, not a foreign-key 500", async () => {
    const kitchen = (await login(f.restaurants[0]!.slug, "kitchen")).token;
    const courier = await freshStaff("DELIVERY");
    const order = (await place(f)).body.order.ticket.id;
    for (const to of ["ACCEPTED", "PREPARING", "READY"]) expect((await move(order, to, kitchen)).status).toBe(200);
    const other = await freshStaff("DELIVERY");
    await f.prisma.staff.delete({ where: { id: other.staff.id } });
    expect(await move(order, "OUT_FOR_DELIVERY", other.token)).toMatchObject({ status: 401 });
    expect((await move(order, "OUT_FOR_DELIVERY", courier.token)).status).toBe(200);
  });

  it("log out everywhere ends every token of the account at once", async () => {
    const { staff, token } = await freshStaff("KITCHEN");
    const second = await attempt({ restaurantSlug: f.restaurants[0]!.slug, login: staff.login, password: "orderly-demo" }, randomUUID());
    expect((await call(logoutAll, { token, method: "POST" })).status).toBe(204);
    for (const t of [token, second.body.token]) {
      expect((await kitchenList(t)).body.error.message).toBe("This account was logged out; log in again");
      expect((await refreshWith(t)).status).toBe(401);
    }
    const again = await attempt({ restaurantSlug: f.restaurants[0]!.slug, login: staff.login, password: "orderly-demo" }, randomUUID());
    expect((await kitchenList(again.body.token)).status).toBe(200);
  });
});
