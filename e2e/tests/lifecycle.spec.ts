import { expect, test } from "@playwright/test";
import { closeContexts, PHONE, database, screenshot, staffPage, ticketOf } from "./helpers.ts";

test.afterEach(closeContexts);

test("a delivery order goes from the customer's phone through the kitchen and a courier, live on every screen", async ({ browser }) => {
  const kitchen = await staffPage(browser, "kitchen", "fort-kochi");
  const courier = await staffPage(browser, "courier1", "fort-kochi");
  const customer = await (await browser.newContext(PHONE)).newPage();

  await customer.goto("/");
  await customer.getByRole("link", { name: "Malabar Table — Fort Kochi" }).click();
  await customer.getByRole("button", { name: "Add Prawn Moilee" }).click();
  await customer.getByRole("button", { name: "Add Kerala Parotta" }).click();
  await customer.getByRole("button", { name: "One more Kerala Parotta" }).click();
  await customer.getByLabel("Notes for Prawn Moilee").fill("coconut chutney on the side");
  const allergies = customer.getByRole("group", { name: "Allergies for Prawn Moilee" });
  await customer.locator("details", { has: customer.locator('[aria-label="Allergies for Prawn Moilee"]') }).locator("summary").click();
  await allergies.getByLabel("Tree nuts").check();
  await customer.getByLabel("Name").fill("Anu Thomas");
  await customer.getByLabel("Phone").fill("+91 98470 12345");
  await customer.getByLabel("Delivery address").fill("12 Broadway, Ernakulam, Kochi");
  await customer.getByRole("heading", { name: "Your order" }).scrollIntoViewIfNeeded();
  await screenshot(customer, "customer-cart");
  await customer.getByRole("button", { name: /Place order/ }).dblclick();
  await expect(customer).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const code = (await customer.getByTestId("order-code").textContent())!;
  const status = customer.getByTestId("order-status");
  await expect(status).toHaveAttribute("data-status", "PLACED");
  await expect(customer.getByTestId("connection")).toHaveText(/Live/);

  // The kitchen sees it without a reload.
  const ticket = kitchen.getByTestId("column-PLACED").locator(`[data-code="${code}"]`);
  await expect(ticket).toBeVisible();
  // The allergy the customer marked stands out; a note that merely mentions "nut" does not.
  await expect(ticket.getByTestId("allergen")).toHaveText(["⚠ Tree nuts"]);
  await expect(ticket.getByText("coconut chutney on the side")).toHaveClass("note");
  for (const [button, next, column] of [["Accept", "ACCEPTED", "ACCEPTED"], ["Start", "PREPARING", "PREPARING"], ["Ready", "READY", "READY"]] as const) {
    await kitchen.locator(`[data-code="${code}"]`).getByRole("button", { name: button, exact: true }).click();
    await expect(kitchen.getByTestId(`column-${column}`).locator(`[data-code="${code}"]`)).toBeVisible();
    await expect(status).toHaveAttribute("data-status", next);
    if (next === "PREPARING") {
      await expect(customer.getByText(/Kitchen estimate: ready by/)).toBeVisible();
      await screenshot(customer, "customer-status");
    }
  }
  await screenshot(kitchen, "kitchen-display");

  await expect(courier.getByTestId("pickup-alert")).toHaveText(`New pickup: ${code}`);
  const card = courier.locator(`[data-testid="delivery"][data-code="${code}"]`);
  await expect(card.getByRole("link", { name: /12 Broadway/ })).toHaveAttribute("href", /maps/);
  await screenshot(courier, "delivery-view");
  await card.getByRole("button", { name: "Take" }).click();
  await expect(status).toHaveAttribute("data-status", "OUT_FOR_DELIVERY");
  await expect(courier.getByRole("heading", { name: "Your orders (1)" })).toBeVisible();
  await expect(kitchen.locator(`[data-code="${code}"]`)).toHaveCount(0);
  await card.getByRole("button", { name: "Delivered" }).click();
  const orderId = new URL(customer.url()).pathname.split("/").pop()!;
  const pins = database();
  const { deliveryPin } = await pins.order.findUniqueOrThrow({ where: { id: orderId } }).finally(() => pins.$disconnect());
  const handover = courier.getByTestId("handover");
  await handover.getByLabel("PIN from the customer").fill(deliveryPin!);
  await handover.getByRole("checkbox", { name: /in cash/ }).check();
  await handover.getByRole("button", { name: "Confirm delivery" }).click();
  await expect(status).toHaveAttribute("data-status", "DELIVERED");
  await expect(courier.locator(`[data-code="${code}"]`)).toHaveCount(0);
  await expect(customer.locator(".step-done")).toHaveCount(5);

  // The double click placed one order.
  const db = database();
  try {
    expect(await db.order.count({ where: { customerName: "Anu Thomas" } })).toBe(1);
  } finally {
    await db.$disconnect();
  }
});

test("a pickup order ends COLLECTED", async ({ browser }) => {
  const kitchen = await staffPage(browser, "kitchen", "fort-kochi");
  const customer = await (await browser.newContext(PHONE)).newPage();
  await customer.goto("/r/fort-kochi");
  await customer.getByRole("button", { name: "Add Sulaimani" }).click();
  await customer.getByLabel("Pickup").check();
  await customer.getByLabel("Name").fill("Ravi");
  await customer.getByLabel("Phone").fill("9847000001");
  await customer.getByRole("button", { name: /Place order/ }).click();
  const code = (await customer.getByTestId("order-code").textContent())!;
  const ticket = ticketOf(kitchen, code);
  for (const [button, status] of [["Accept", "ACCEPTED"], ["Start", "PREPARING"], ["Ready", "READY"]] as const) {
    await ticket.getByRole("button", { name: button, exact: true }).click();
    await expect(ticket).toHaveAttribute("data-status", status);
  }
  await ticket.getByRole("button", { name: "Collected", exact: true }).click();
  await expect(customer.getByTestId("order-status")).toHaveAttribute("data-status", "COLLECTED");
  await expect(kitchen.locator(`[data-code="${code}"]`)).toHaveCount(0);
  await customer.reload();
  await expect(customer.getByTestId("order-status")).toHaveAttribute("data-status", "COLLECTED");
});
