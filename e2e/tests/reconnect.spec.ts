import { expect, test } from "@playwright/test";
import { closeContexts, PHONE, advance, placeOrder, realtime, staffToken } from "./helpers.ts";

test.afterEach(closeContexts);

test("the customer page rides out a realtime outage and catches up without a reload", async ({ browser, request }) => {
  const order = await placeOrder(request, "fort-kochi");
  const kitchen = await staffToken(request, "fort-kochi", "kitchen");
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.goto(`/orders/${order.id}#token=${order.token}`);
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "no reload"));

  await realtime("stop");
  try {
    await expect(page.getByTestId("connection-banner")).toContainText("reconnecting");
    await advance(request, order.id, "ACCEPTED", kitchen);
    await advance(request, order.id, "PREPARING", kitchen);
    await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "PLACED");
  } finally {
    await realtime("start");
  }
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "PREPARING", { timeout: 20_000 });
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  await expect(page.getByTestId("connection-banner")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe("no reload");
  await expect(page.locator(".step-done")).toHaveCount(2);
});
