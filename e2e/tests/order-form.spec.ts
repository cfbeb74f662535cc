import { expect, test } from "@playwright/test";
import { closeContexts, PHONE, database } from "./helpers.ts";

test.afterEach(closeContexts);

test("bad input on the order form shows each field's error and places nothing", async ({ browser }) => {
  const db = database();
  try {
    const before = await db.order.count();
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto("/r/edappally");
    await expect(page.getByTestId("place-order")).toHaveText("Add dishes to order");
    await expect(page.getByTestId("place-order")).toBeDisabled();

    await page.getByRole("button", { name: "Add Appam (2)" }).click();
    await page.getByLabel("Phone").fill("12");
    await page.getByRole("button", { name: /Place order/ }).click();
    await expect(page.locator('[data-field="customer.name"]')).toHaveText("is required");
    await expect(page.locator('[data-field="customer.phone"]')).toContainText("phone number");
    await expect(page.locator('[data-field="deliveryAddress"]')).toHaveText("is required for delivery");

    // An error only the server knows: the dish went off the menu after the page loaded.
    const appam = await db.menuItem.findFirstOrThrow({ where: { name: "Appam (2)", restaurant: { slug: "edappally" } } });
    await db.menuItem.update({ where: { id: appam.id }, data: { available: false } });
    try {
      await page.getByLabel("Name").fill("Meera");
      await page.getByLabel("Phone").fill("9847012345");
      await page.getByLabel("Pickup").check();
      await page.getByRole("button", { name: /Place order/ }).click();
      await expect(page.locator('[data-field="items.0.menuItemId"]')).toHaveText("Appam (2) is sold out");
    } finally {
      await db.menuItem.update({ where: { id: appam.id }, data: { available: true } });
    }
    expect(await db.order.count()).toBe(before);
    await expect(page).toHaveURL(/\/r\/edappally$/);
  } finally {
    await db.$disconnect();
  }
});
