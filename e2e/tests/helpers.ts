import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createPrismaClient } from "@orderly/prisma";
import { E2E_CONTROL_PORT } from "../ports.ts";

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const WALL = { viewport: { width: 1920, height: 1080 } };

/** The test database, for checks a screen cannot show (e.g. that nothing was written). */
export function database() {
  return createPrismaClient(process.env.E2E_DATABASE_URL!, { maxConnections: 1 });
}

export async function realtime(action: "stop" | "start" | "pause" | "resume") {
  const response = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/realtime/${action}`, { method: "POST" });
  expect(response.status).toBe(204);
}

export async function staffPage(browser: Browser, screen: "kitchen" | "delivery", slug: string, options = screen === "kitchen" ? WALL : PHONE): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`/${screen}`);
  await page.getByLabel("Restaurant").selectOption(slug);
  await page.getByLabel("Login").fill(screen);
  await page.getByLabel("Password").fill("orderly-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  return page;
}

export async function staffToken(request: APIRequestContext, slug: string, login: "kitchen" | "delivery"): Promise<string> {
  const response = await request.post("/api/auth/staff", { data: { restaurantSlug: slug, login, password: "orderly-demo" } });
  expect(response.status()).toBe(200);
  return (await response.json()).token;
}

/** Places an order over the API; returns its id, code and customer token. */
export async function placeOrder(request: APIRequestContext, slug: string, fulfilment: "DELIVERY" | "PICKUP" = "DELIVERY") {
  const menu = await (await request.get(`/api/restaurants/${slug}/menu`)).json();
  const item = menu.categories[0].items[0];
  const response = await request.post("/api/orders", {
    headers: { "Idempotency-Key": randomUUID() },
    data: {
      restaurantSlug: slug,
      customer: { name: "Test Customer", phone: "9847012345" },
      fulfilment,
      ...(fulfilment === "DELIVERY" && { deliveryAddress: "1 Test Road, Kochi" }),
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
