import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type APIResponse, type Browser, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import { createPrismaClient } from "@orderly/prisma";
import { E2E_CONTROL_PORT } from "../ports.ts";

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const WALL = { viewport: { width: 1920, height: 1080 } };

/** The test database, for checks a screen cannot show (e.g. that nothing was written). */
export function database() {
  return createPrismaClient(process.env.E2E_DATABASE_URL!, { maxConnections: 1 });
}

/**
 * For test.afterEach: closes the browser contexts a test opened with browser.newContext, which
 * Playwright leaves open until the worker ends (their screens would keep sockets and timers busy).
 */
export async function closeContexts({ browser }: { browser: Browser }) {
  await Promise.all(browser.contexts().map((context) => context.close()));
}

export async function realtime(action: "stop" | "start" | "pause" | "resume") {
  const response = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/realtime/${action}`, { method: "POST" });
  expect(response.status).toBe(204);
}

/** A demo login: the kitchen's (on the kitchen display) or a courier's (on the delivery screen). */
export type StaffLogin = "kitchen" | "courier1" | "courier2" | "courier3";

/** Opens `path` in a new browser context and logs in there as a demo login of restaurant `slug`. */
export async function loggedIn(browser: Browser, path: string, slug: string, login: StaffLogin | "admin", options: BrowserContextOptions): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto(path);
  await page.getByLabel("Restaurant").selectOption(slug);
  await page.getByLabel("Login").fill(login);
  await page.getByLabel("Password").fill("orderly-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  return page;
}

export async function staffPage(browser: Browser, login: StaffLogin, slug: string, options = login === "kitchen" ? WALL : PHONE): Promise<Page> {
  const page = await loggedIn(browser, login === "kitchen" ? "/kitchen" : "/delivery", slug, login, options);
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  return page;
}

export async function staffToken(request: APIRequestContext, slug: string, login: StaffLogin | "admin"): Promise<string> {
  const response = await request.post("/api/auth/staff", { data: { restaurantSlug: slug, login, password: "orderly-demo" } });
  expect(response.status()).toBe(200);
  return (await response.json()).token;
}

/** Places an order over the API (delivered to a point on the map when given one); returns its id, code and customer token. */
export async function placeOrder(
  request: APIRequestContext,
  slug: string,
  fulfilment: "DELIVERY" | "PICKUP" = "DELIVERY",
  extra: { deliveryLocation?: { latitude: number; longitude: number } } = {},
) {
  const menu = await (await request.get(`/api/restaurants/${slug}/menu`)).json();
  const item = menu.categories[0].items[0];
  const response = await request.post("/api/orders", {
    headers: { "Idempotency-Key": randomUUID() },
    data: {
      restaurantSlug: slug,
      customer: { name: "Test Customer", phone: "9847012345" },
      fulfilment,
      ...(fulfilment === "DELIVERY" && { deliveryAddress: "1 Test Road, Kochi" }),
      ...extra,
      items: [{ menuItemId: item.id, quantity: 1 }],
    },
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  return { id: body.order.ticket.id as string, code: body.order.ticket.code as string, token: body.customerToken as string };
}

export async function advance(request: APIRequestContext, orderId: string, to: string, token: string) {
  const response = await request.post(`/api/orders/${orderId}/transitions`, { data: { to }, headers: { authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBe(200);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: false });
}

export const EXPO = "Expo (whole kitchen)";

/** Sends a request again after the Retry-After a rate limit answers with (logins and orders are limited per address). */
async function outwaitingRateLimits(send: () => Promise<APIResponse>): Promise<APIResponse> {
  for (;;) {
    const response = await send();
    if (response.status() !== 429) return response;
    await new Promise((r) => setTimeout(r, Number(response.headers()["retry-after"] ?? 1) * 1000));
  }
}

/**
 * Logs in on /kitchen as `kitchen`, on the expo or (by its name) one station's screen, waiting
 * out the login rate limit. Further screens on the same login: `sameLogin`.
 */
export async function kitchenPage(browser: Browser, slug: string, screen = EXPO, options: BrowserContextOptions = WALL): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto("/kitchen");
  const limited = page.locator(".field-error", { hasText: /try again in \d+ s/ });
  for (;;) {
    await page.getByLabel("Restaurant").selectOption(slug);
    await page.getByLabel("Screen").selectOption({ label: screen });
    await page.getByLabel("Login").fill("kitchen");
    await page.getByLabel("Password").fill("orderly-demo");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("connection").or(limited)).toBeVisible();
    if (!(await limited.isVisible())) break;
    const seconds = Number(/try again in (\d+) s/.exec((await limited.textContent()) ?? "")?.[1] ?? 1);
    await page.waitForTimeout(seconds * 1000);
  }
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  return page;
}

/** Another browser showing the same screen on the same login (no new login). */
export async function sameLogin(page: Page, options: BrowserContextOptions = WALL): Promise<Page> {
  const context = await page.context().browser()!.newContext({ ...options, storageState: await page.context().storageState() });
  const other = await context.newPage();
  await other.goto(new URL(page.url()).pathname);
  await expect(other.getByTestId("connection")).toHaveText(/Live/);
  return other;
}

/** The token of the staff login a page holds, for API calls on its behalf. */
export function pageToken(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(localStorage.getItem("orderly.staff") ?? "{}").token as string);
}

/** A POST on behalf of the staff login a page holds, expected to succeed. */
export async function staffPost(page: Page, path: string, data: object) {
  const response = await page.request.post(path, { data, headers: { authorization: `Bearer ${await pageToken(page)}` } });
  expect(response.status(), await response.text()).toBe(200);
}

export interface OrderLine {
  /** A menu item's name. */
  name: string;
  quantity?: number;
  notes?: string;
  allergens?: string[];
}

/**
 * Places an order of these lines over the API, for pickup or (given an address) delivery, waiting
 * out the order rate limit; returns its id, code and customer token.
 */
export async function placeOrderOf(request: APIRequestContext, slug: string, lines: OrderLine[], deliveryAddress?: string) {
  const menu = await (await request.get(`/api/restaurants/${slug}/menu`)).json();
  const items: { id: string; name: string }[] = menu.categories.flatMap((c: { items: { id: string; name: string }[] }) => c.items);
  const response = await outwaitingRateLimits(() =>
    request.post("/api/orders", {
      headers: { "Idempotency-Key": randomUUID() },
      data: {
        restaurantSlug: slug,
        customer: { name: "Test Customer", phone: "9847012345" },
        ...(deliveryAddress ? { fulfilment: "DELIVERY", deliveryAddress } : { fulfilment: "PICKUP" }),
        items: lines.map(({ name, quantity = 1, ...rest }) => ({ menuItemId: items.find((i) => i.name === name)!.id, quantity, ...rest })),
      },
    }),
  );
  expect(response.status(), await response.text()).toBe(201);
  const body = await response.json();
  return { id: body.order.ticket.id as string, code: body.order.ticket.code as string, token: body.customerToken as string };
}

/** A ticket on a kitchen screen (or in one of its columns), by its code. */
export function ticketOf(page: Page | Locator, code: string) {
  return page.locator(`[data-testid="ticket"][data-code="${code}"]`);
}
