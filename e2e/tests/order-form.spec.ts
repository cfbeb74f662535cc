import { expect, test, type Page } from "@playwright/test";
import { closeContexts, PHONE, database, screenshot } from "./helpers.ts";

test.afterEach(closeContexts);

/** Kochi, where the demo restaurants are. */
const HERE = { latitude: 9.9658, longitude: 76.2421 };

/** The menu page, once its live menu has read the menu (a later change in the database alone is not seen). */
async function menuPage(page: Page, slug: string) {
  const menuRead = page.waitForResponse((r) => r.url().endsWith(`/api/restaurants/${slug}/menu`) && r.ok());
  await page.goto(`/r/${slug}`);
  await menuRead;
}

/** Sets a field's value as a paste would in a browser that does not hold to maxlength. */
async function pastePastMaxLength(page: Page, label: string, value: string) {
  const field = page.getByLabel(label);
  await field.evaluate((element) => element.removeAttribute("maxlength"));
  await field.fill(value);
}

test("Place order waits for a dish, + stops at 20 per line, and the form fits a phone", async ({ browser }) => {
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.goto("/r/fort-kochi");
  const place = page.getByTestId("place-order");
  await expect(place).toHaveText("Add dishes to order");
  await expect(place).toBeDisabled();

  await page.getByRole("button", { name: "Add Sulaimani" }).click();
  await expect(place).toBeEnabled();
  const more = page.getByRole("button", { name: "One more Sulaimani" });
  for (let quantity = 2; quantity <= 20; quantity++) await more.click();
  await expect(page.getByLabel("quantity")).toHaveText("20");
  await expect(more).toBeDisabled();
  await expect(more).toHaveAccessibleDescription("20 is the most per order line");
  await expect(page.getByTestId("quantity-limit")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add Sulaimani" })).toBeDisabled();
  await page.getByRole("button", { name: "One less Sulaimani" }).click();
  await expect(more).toBeEnabled();
  await expect(page.getByTestId("quantity-limit")).toHaveCount(0);

  // A 200-character note without a space to break at scrolls nothing sideways.
  const notes = page.getByLabel("Notes for Sulaimani");
  await expect(notes).toHaveAttribute("maxlength", "200");
  await notes.fill("x".repeat(250));
  await expect(notes).toHaveValue("x".repeat(200));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("heading", { name: "Your order" }).evaluate((heading) => heading.scrollIntoView());
  await screenshot(page, "order-form-limit");

  // Tap targets of at least 44 px.
  const targets = [
    page.getByRole("link", { name: "← Restaurants" }),
    page.getByRole("button", { name: "One less Sulaimani" }),
    more,
    page.locator("label", { has: page.getByRole("radio", { name: "Delivery", exact: true }) }),
    page.locator("label", { has: page.getByRole("radio", { name: "Pickup" }) }),
    page.locator("label", { has: page.getByRole("radio", { name: "Cash on delivery" }) }),
  ];
  for (const target of targets) {
    const box = (await target.boundingBox())!;
    expect(Math.min(box.width, box.height), await target.evaluate((e) => e.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(44);
  }
});

test("bad input reads as plain sentences tied to its fields, focus goes to the first, and nothing is placed", async ({ browser }) => {
  const db = database();
  try {
    const before = await db.order.count();
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto("/r/edappally");
    await page.getByRole("button", { name: "Add Appam (2)" }).click();
    const name = page.getByLabel("Name");
    await expect(name).toHaveAttribute("maxlength", "80");
    await pastePastMaxLength(page, "Name", "M".repeat(81));
    await page.getByLabel("Phone").fill("12");
    await page.getByTestId("place-order").click();

    const tooLong = "Name is too long: 80 characters at most";
    const badPhone = "Phone number must have 7 to 15 digits";
    const noAddress = "Delivery address is required for delivery";
    const summary = page.getByTestId("form-errors");
    await expect(summary).toHaveAttribute("role", "alert");
    await expect(summary.getByRole("listitem")).toHaveText([tooLong, badPhone, noAddress]);
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription(tooLong);
    await expect(page.getByLabel("Phone")).toHaveAccessibleDescription(badPhone);
    await expect(page.getByLabel("Delivery address")).toHaveAccessibleDescription(noAddress);
    await screenshot(page, "order-form-errors");

    // Fixing a field takes its error away as the customer types.
    await name.fill("Meera");
    await expect(name).not.toHaveAttribute("aria-invalid");
    await expect(summary.getByRole("listitem")).toHaveText([badPhone, noAddress]);
    await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
    expect(await db.order.count()).toBe(before);
    await expect(page).toHaveURL(/\/r\/edappally$/);
  } finally {
    await db.$disconnect();
  }
});

test("an error only the server knows reads as a sentence under its line", async ({ browser }) => {
  const db = database();
  try {
    const before = await db.order.count();
    const page = await (await browser.newContext(PHONE)).newPage();
    await menuPage(page, "edappally");
    await page.getByRole("button", { name: "Add Appam (2)" }).click();
    await page.getByLabel("Name").fill("Meera");
    await page.getByLabel("Phone").fill("9847012345");
    await page.getByLabel("Pickup").check();
    // The dish goes off the menu behind the page's back: no event tells the live menu. Web keeps
    // restaurants by their seq, so the edit moves it (docs/architecture.md).
    const appam = await db.menuItem.findFirstOrThrow({ where: { name: "Appam (2)", restaurant: { slug: "edappally" } } });
    const behindTheBack = (available: boolean) =>
      db.restaurant.update({ where: { slug: "edappally" }, data: { seq: { increment: 1 }, menuItems: { update: { where: { id: appam.id }, data: { available } } } } });
    await behindTheBack(false);
    try {
      await page.getByTestId("place-order").click();
      await expect(page.locator('[data-field="items.0.menuItemId"]')).toHaveText("Appam (2) is sold out");
      // No field to blame: focus goes to the summary, which says it.
      await expect(page.getByTestId("form-errors")).toContainText("Appam (2) is sold out");
      await expect(page.getByTestId("form-errors")).toBeFocused();
    } finally {
      await behindTheBack(true);
    }
    expect(await db.order.count()).toBe(before);
  } finally {
    await db.$disconnect();
  }
});

/** Fills the customer's part for a delivery of one Kerala Parotta on the Fort Kochi menu. */
async function deliveryOrder(page: Page, customer: string) {
  await page.goto("/r/fort-kochi");
  await page.getByRole("button", { name: "Add Kerala Parotta" }).click();
  await page.getByLabel("Name").fill(customer);
  await page.getByLabel("Phone").fill("+91 98470 12345");
  await page.getByLabel("Delivery address").fill("12 Broadway, Ernakulam, Kochi");
}

async function placedOrder(page: Page) {
  await page.getByTestId("place-order").click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("a delivery with the phone's location, paid online, reaches the courier's map and is marked paid", async ({ browser }) => {
  const db = database();
  try {
    const page = await (await browser.newContext({ ...PHONE, geolocation: HERE, permissions: ["geolocation"] })).newPage();
    await deliveryOrder(page, "Anu Location");
    await page.getByRole("button", { name: "Use my current location" }).click();
    await expect(page.getByTestId("location")).toContainText("Location attached: the courier will see it on the map.");
    await page.getByLabel("Pay online").check();
    await expect(page.getByText("A demo: no money is taken, and the order is marked paid.")).toBeVisible();
    await page.getByRole("heading", { name: "Your order" }).evaluate((heading) => heading.scrollIntoView());
    await screenshot(page, "order-form-location");

    // Removed and attached again: the order carries the last choice.
    await page.getByRole("button", { name: "Remove" }).click();
    await expect(page.getByRole("button", { name: "Use my current location" })).toBeVisible();
    await page.getByRole("button", { name: "Use my current location" }).click();
    await expect(page.getByTestId("location")).toContainText("Location attached");

    const order = await db.order.findUniqueOrThrow({ where: { id: await placedOrder(page) } });
    expect(order).toMatchObject({ deliveryLatitude: HERE.latitude, deliveryLongitude: HERE.longitude, paymentMethod: "ONLINE" });
    expect(order.paidAt).not.toBeNull();
  } finally {
    await db.$disconnect();
  }
});

test("with location sharing refused, the form says so plainly and the order goes by its address, cash on delivery", async ({ browser }) => {
  const db = database();
  try {
    const page = await (await browser.newContext({ ...PHONE, geolocation: HERE })).newPage();
    await deliveryOrder(page, "Anu Address");
    await page.getByRole("button", { name: "Use my current location" }).click();
    await expect(page.getByTestId("location")).toContainText("You did not allow sharing your location. That is fine: the courier will find you by the address.");
    await expect(page.getByLabel("Cash on delivery")).toBeChecked();

    const order = await db.order.findUniqueOrThrow({ where: { id: await placedOrder(page) } });
    expect(order).toMatchObject({ deliveryLatitude: null, deliveryLongitude: null, deliveryAddress: "12 Broadway, Ernakulam, Kochi", paymentMethod: "CASH", paidAt: null });
  } finally {
    await db.$disconnect();
  }
});
