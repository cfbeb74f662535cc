import { expect, test } from "@playwright/test";
import { morningZone } from "../../shared/test/fixtures.ts";
import { PHONE, closeContexts, database, kitchenPage, screenshot, ticketOf } from "./helpers.ts";

test.afterEach(closeContexts);

test("a customer with a cart open sees a dish sell out and come back, and a pause, without a reload", async ({ browser }) => {
  const kitchen = await kitchenPage(browser, "fort-kochi");
  const customer = await (await browser.newContext(PHONE)).newPage();
  await customer.goto("/r/fort-kochi");
  await customer.getByRole("button", { name: "Add Banana Chips" }).click();
  await customer.getByRole("button", { name: "Add Sulaimani" }).click();
  await customer.getByLabel("Name").fill("Meera");
  await customer.getByLabel("Phone").fill("9847012345");
  await customer.getByLabel("Pickup").check();
  const place = customer.getByTestId("place-order");
  await expect(place).toHaveText(/^Place order/);
  const chips = customer.locator('[data-testid="menu-item"][data-item="Banana Chips"]');

  await kitchen.getByTestId("menu-drawer-open").click();
  const drawer = kitchen.getByTestId("menu-drawer");
  const toggle = drawer.locator('[data-testid="menu-toggle"][data-item="Banana Chips"]');
  try {
    await toggle.getByRole("button", { name: "Sold out" }).click();
    await expect(toggle).toContainText("Sold out until");

    await expect(chips.getByTestId("sold-out")).toHaveText("Sold out");
    await expect(customer.getByTestId("cart-sold-out")).toContainText("Sold out");
    await expect(place).toHaveText("Remove Banana Chips (sold out) to order");
    await expect(place).toBeDisabled();
    await screenshot(customer, "customer-sold-out");
    await drawer.getByRole("button", { name: "Close" }).click();
    await expect(kitchen.getByTestId("sold-out-list")).toHaveText("Sold out: Banana Chips");

    await kitchen.getByTestId("menu-drawer-open").click();
    await toggle.getByRole("button", { name: "Back on" }).click();
    await expect(chips.getByRole("button", { name: "Add Banana Chips" })).toBeVisible();
    await expect(customer.getByTestId("cart-sold-out")).toHaveCount(0);
    await expect(place).toHaveText(/^Place order/);
    await expect(place).toBeEnabled();

    await drawer.getByLabel("Pause reason").selectOption("Kitchen too busy");
    await drawer.getByRole("button", { name: "Pause online orders" }).click();
    await expect(customer.getByTestId("ordering-notice")).toContainText("Online orders are paused for now: Kitchen too busy");
    await expect(place).toHaveText("Ordering is paused");
    await drawer.getByRole("button", { name: "Close" }).click();
    await expect(kitchen.getByTestId("ordering-strip")).toContainText("Online orders PAUSED: Kitchen too busy");
    await screenshot(kitchen, "kitchen-paused");
    await kitchen.getByTestId("menu-drawer-open").click();
    await drawer.getByRole("button", { name: "Resume online orders" }).click();
    await expect(customer.getByTestId("ordering-notice")).toHaveCount(0);
    await expect(place).toBeEnabled();
  } finally {
    const db = database();
    await db.menuItem.updateMany({ where: { name: "Banana Chips" }, data: { available: true, soldOutUntil: null } });
    await db.restaurant.updateMany({ data: { paused: false, pauseReason: null, seq: { increment: 1 } } });
    await db.$disconnect();
  }
});

test("a scheduled order waits in Later, then moves to New at its time, chimed, and its customer sees it", async ({ browser }) => {
  const db = database();
  const restaurant = await db.restaurant.findUniqueOrThrow({ where: { slug: "edappally" } });
  // Web keeps restaurants by their seq: an edit behind its back moves it (docs/architecture.md).
  await db.restaurant.update({ where: { id: restaurant.id }, data: { timeZone: morningZone(), seq: { increment: 1 } } });
  try {
    const kitchen = await kitchenPage(browser, "edappally");
    const customer = await (await browser.newContext(PHONE)).newPage();
    await customer.goto("/r/edappally");
    await customer.getByRole("button", { name: "Add Kerala Parotta" }).click();
    await customer.getByLabel("Name").fill("Ravi");
    await customer.getByLabel("Phone").fill("9847012345");
    await customer.getByLabel("Pickup").check();
    const when = customer.getByTestId("when");
    const slot = await when.locator("option").nth(1).getAttribute("value");
    await when.selectOption(slot!);
    await customer.getByTestId("place-order").click();
    await expect(customer.getByTestId("order-status")).toHaveText("Scheduled");
    await expect(customer.getByTestId("scheduled-for")).toContainText("Scheduled for");
    const code = (await customer.getByTestId("order-code").textContent())!;

    const later = kitchen.getByTestId("column-SCHEDULED");
    await expect(ticketOf(later, code)).toBeVisible();
    await expect(ticketOf(later, code).getByTestId("scheduled-for")).toBeVisible();
    await screenshot(kitchen, "kitchen-later");

    // Its time comes: the release time is data, so the test sets it a few seconds ahead.
    await db.order.update({ where: { code }, data: { releaseAt: new Date(Date.now() + 3000) } });
    const fresh = ticketOf(kitchen.getByTestId("column-PLACED"), code);
    await expect(fresh).toBeVisible({ timeout: 15_000 });
    await expect(fresh).toHaveClass(/ticket-fresh/);
    await expect(later).toHaveCount(0);
    await expect(customer.getByTestId("order-status")).toHaveText("Order placed");
    await expect(customer.getByTestId("history")).toContainText("Order placed");
    expect(await db.orderEvent.count({ where: { order: { code }, actorRole: "SYSTEM" } })).toBe(1);
  } finally {
    await db.restaurant.update({ where: { id: restaurant.id }, data: { timeZone: restaurant.timeZone, seq: { increment: 1 } } });
    await db.$disconnect();
  }
});
