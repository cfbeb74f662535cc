import { expect, test, type Page } from "@playwright/test";
import { closeContexts, PHONE, WALL, advance, placeOrder, realtime, staffPage, staffToken } from "./helpers.ts";

test.afterEach(closeContexts);

const live = (page: Page) => expect(page.getByTestId("connection")).toHaveText(/Live/, { timeout: 15_000 });

test("every screen says Live again soon after the network comes back, and keeps applying pushes", async ({ browser, request }) => {
  const order = await placeOrder(request, "fort-kochi");
  const kitchen = await staffPage(browser, "kitchen", "fort-kochi");
  const courier = await staffPage(browser, "courier1", "fort-kochi");
  const customer = await (await browser.newContext(PHONE)).newPage();
  await customer.goto(`/orders/${order.id}#token=${order.token}`);
  await live(customer);
  const screens = [kitchen, courier, customer];

  for (const page of screens) await page.context().setOffline(true);
  await expect(customer.getByTestId("connection")).toHaveText(/Offline/);
  // The fault: seven seconds without a network, as a phone in a lift.
  await new Promise((r) => setTimeout(r, 7000));
  for (const page of screens) await page.context().setOffline(false);

  for (const page of screens) await live(page);
  const kitchenToken = await staffToken(request, "fort-kochi", "kitchen");
  await advance(request, order.id, "ACCEPTED", kitchenToken);
  await expect(customer.getByTestId("order-status")).toHaveAttribute("data-status", "ACCEPTED");
  await expect(kitchen.getByTestId("column-ACCEPTED").locator(`[data-code="${order.code}"]`)).toBeVisible();
  for (const page of screens) await expect(page.getByTestId("connection")).toHaveText(/Live/);
});

test("a frozen realtime server is noticed within seconds, and the screens catch up when it thaws", async ({ browser, request }) => {
  const order = await placeOrder(request, "fort-kochi");
  const kitchen = await staffPage(browser, "kitchen", "fort-kochi");
  const customer = await (await browser.newContext(PHONE)).newPage();
  await customer.goto(`/orders/${order.id}#token=${order.token}`);
  await live(customer);

  await realtime("pause");
  try {
    const frozenAt = Date.now();
    // Heartbeat: ping every 5 s, 5 s to answer; the browser notices a silent server in about 10 s.
    await expect(customer.getByTestId("connection-banner")).toContainText("reconnecting", { timeout: 15_000 });
    await expect(kitchen.getByTestId("connection-banner")).toContainText("reconnecting", { timeout: 15_000 });
    expect(Date.now() - frozenAt).toBeLessThan(15_000);
    await advance(request, order.id, "ACCEPTED", await staffToken(request, "fort-kochi", "kitchen"));
  } finally {
    await realtime("resume");
  }
  await expect(customer.getByTestId("order-status")).toHaveAttribute("data-status", "ACCEPTED", { timeout: 20_000 });
  await live(customer);
  await live(kitchen);
});

test("the connection banner is a full-width strip that stays in view, on a phone and on the kitchen display", async ({ browser, request }) => {
  const order = await placeOrder(request, "fort-kochi");
  const phone = await (await browser.newContext(PHONE)).newPage();
  await phone.goto(`/orders/${order.id}#token=${order.token}`);
  await live(phone);
  const kitchen = await staffPage(browser, "kitchen", "fort-kochi", { viewport: { width: 1280, height: 800 } });

  await realtime("stop");
  try {
    for (const [page, width] of [[phone, 390], [kitchen, 1280]] as const) {
      const banner = page.getByTestId("connection-banner");
      await expect(banner).toBeVisible({ timeout: 15_000 });
      const box = (await banner.boundingBox())!;
      expect(box.x).toBe(0);
      expect(box.width).toBe(width);
      await page.mouse.wheel(0, 2000);
      await expect.poll(async () => (await banner.boundingBox())?.y).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    // Header controls stay on one line on the kitchen display.
    const logout = kitchen.getByRole("button", { name: "Log out" });
    expect((await logout.boundingBox())!.height).toBeLessThan(70);
    await kitchen.screenshot({ path: "screenshots/kitchen-reconnecting-1280.png" });
    await phone.screenshot({ path: "screenshots/customer-reconnecting-phone.png" });
  } finally {
    await realtime("start");
  }
  await live(phone);
  await expect(phone.getByTestId("connection-banner")).toHaveCount(0);
});

test("pages carry a Content-Security-Policy the screens live with, a title per screen and an icon", async ({ browser, request }) => {
  const response = await request.get("/kitchen");
  const policy = response.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(policy).toMatch(/frame-ancestors 'none'/);
  expect(policy).toMatch(/connect-src 'self' http:\/\/localhost:\d+ ws:\/\/localhost:\d+/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await request.get("/icon.svg")).status()).toBe(200);

  const context = await browser.newContext(WALL);
  await context.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const page = await context.newPage();
  await page.goto("/kitchen");
  await page.getByLabel("Restaurant").selectOption("fort-kochi");
  await page.getByLabel("Login").fill("kitchen");
  await page.getByLabel("Password").fill("orderly-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  await live(page);
  await expect(page).toHaveTitle("Kitchen — Malabar Table, Fort Kochi");
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

  // The order form validates with the shared zod schemas in the browser.
  await page.goto("/r/fort-kochi");
  await expect(page).toHaveTitle("Menu — Malabar Table, Fort Kochi");
  await page.getByRole("button", { name: "Add Pazham Pori" }).click();
  await page.getByRole("button", { name: /Place order/ }).click();
  await expect(page.locator('[data-field="customer.name"]')).toHaveText("Name is required");
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});
