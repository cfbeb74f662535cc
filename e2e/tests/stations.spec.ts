import { expect, test, type Page } from "@playwright/test";
import { closeContexts, database, kitchenPage, staffPost, placeOrderOf, ticketOf } from "./helpers.ts";

test.afterEach(closeContexts);

const TABLET = { viewport: { width: 1280, height: 800 } };

const items = (page: Page, code: string) => ticketOf(page, code).getByTestId("item");

/** Whether the ticket and every ticket above it on the screen are rushed. */
function rushedAbove(page: Page, code: string): Promise<boolean> {
  return page.getByTestId("ticket").evaluateAll((tickets, code) => {
    const index = tickets.findIndex((t) => t.getAttribute("data-code") === code);
    return index >= 0 && tickets.slice(0, index + 1).every((t) => t.querySelector('[data-testid="rush-badge"]'));
  }, code);
}

test("without expo (Edappally), Curry and Tawa each see and bump only their items, the expo follows, and the last bump makes the ticket READY", async ({ browser, request }) => {
  const expo = await kitchenPage(browser, "edappally");
  const curry = await kitchenPage(browser, "edappally", "Curry", TABLET);
  const tawa = await kitchenPage(browser, "edappally", "Tawa", TABLET);
  await expect(curry).toHaveTitle("Curry — Malabar Table, Edappally");
  await expect(tawa).toHaveTitle("Tawa — Malabar Table, Edappally");

  // Other tickets on the line: one of them rushed.
  const others = [
    await placeOrderOf(request, "edappally", [{ name: "Appam (2)", quantity: 2 }, { name: "Vegetable Stew & Appam" }]),
    await placeOrderOf(request, "edappally", [{ name: "Kerala Parotta", quantity: 4, notes: "extra crispy" }, { name: "Beef Ularthiyathu" }]),
  ];
  for (const other of others) await staffPost(expo, `/api/orders/${other.id}/transitions`, { to: "ACCEPTED" });
  await staffPost(expo, `/api/orders/${others[1]!.id}/priority`, { rush: true });

  const order = await placeOrderOf(request, "edappally", [
    { name: "Prawn Moilee", quantity: 2, allergens: ["SHELLFISH"] },
    { name: "Kerala Parotta", quantity: 3, notes: "no ghee" },
    { name: "Appam (2)" },
  ]);
  // Stations see a ticket once the expo accepts it.
  await expect(ticketOf(expo, order.code)).toBeVisible();
  await expect(ticketOf(tawa, others[0]!.code)).toBeVisible();
  await expect(ticketOf(tawa, order.code)).toHaveCount(0);
  await ticketOf(expo, order.code).getByRole("button", { name: "Accept" }).click();

  await expect(items(curry, order.code)).toHaveCount(1);
  await expect(items(curry, order.code)).toHaveAttribute("data-item", "Prawn Moilee");
  await expect(ticketOf(curry, order.code).getByTestId("allergen")).toHaveText(["⚠ Shellfish"]);
  await expect(items(tawa, order.code)).toHaveCount(2);
  await expect(ticketOf(tawa, order.code).getByText("no ghee")).toBeVisible();
  // Rushed first; all day: every Kerala Parotta still to make at Tawa.
  await expect(tawa.getByTestId("ticket").first()).toHaveAttribute("data-code", others[1]!.code);
  await expect(ticketOf(tawa, others[1]!.code).getByTestId("rush-badge")).toBeVisible();
  const parottaAllDay = tawa.getByTestId("all-day-item").and(tawa.locator('[data-name="Kerala Parotta"]'));
  await expect(parottaAllDay).toHaveText(/Kerala Parotta ×\s7/);
  const progress = ticketOf(expo, order.code).getByTestId("station-progress");
  await expect(progress).toHaveText("Curry 0/1 · Tawa 0/2");

  await ticketOf(curry, order.code).getByRole("button", { name: "Done: Prawn Moilee" }).click();
  await expect(ticketOf(curry, order.code)).toHaveClass(/ticket-dimmed/);
  await expect(progress).toHaveText("Curry ✓ · Tawa 0/2");
  await expect(ticketOf(expo, order.code)).toHaveAttribute("data-status", "PREPARING");
  await expect(ticketOf(tawa, order.code)).toHaveAttribute("data-status", "PREPARING");

  await ticketOf(tawa, order.code).getByRole("button", { name: "Done: Kerala Parotta" }).click();
  await expect(progress).toHaveText("Curry ✓ · Tawa 1/2");
  await expect(parottaAllDay).toHaveText(/Kerala Parotta ×\s4/);
  await tawa.screenshot({ path: "screenshots/station.png" });
  await ticketOf(tawa, order.code).getByRole("button", { name: "Undo: Kerala Parotta" }).click();
  await expect(progress).toHaveText("Curry ✓ · Tawa 0/2");

  await ticketOf(tawa, order.code).getByRole("button", { name: "Done: Kerala Parotta" }).click();
  await ticketOf(tawa, order.code).getByRole("button", { name: "Done: Appam (2)" }).click();
  // The last bump made it READY by itself: it leaves the stations and reaches the expo's Ready column.
  await expect(expo.getByTestId("column-READY").locator(`[data-code="${order.code}"]`)).toBeVisible();
  await expect(ticketOf(tawa, order.code)).toHaveCount(0);
  await expect(ticketOf(curry, order.code)).toHaveCount(0);
  await expect(ticketOf(tawa, others[0]!.code)).toBeVisible();

  const db = database();
  try {
    const last = await db.orderEvent.findFirstOrThrow({ where: { orderId: order.id }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({ type: "STATUS_CHANGED", actorRole: "SYSTEM", payload: { from: "PREPARING", to: "READY" } });
  } finally {
    await db.$disconnect();
  }
});

test("with expo (Fort Kochi), a rushed ticket's Curry items are bumped at the station and wait, dimmed, until the expo bumps it READY", async ({ browser, request }) => {
  const expo = await kitchenPage(browser, "fort-kochi");
  const curry = await kitchenPage(browser, "fort-kochi", "Curry", TABLET);
  await expect(curry).toHaveTitle("Curry — Malabar Table, Fort Kochi");
  const order = await placeOrderOf(request, "fort-kochi", [{ name: "Prawn Moilee" }, { name: "Kerala Fish Curry & Rice", quantity: 2 }]);
  await ticketOf(expo, order.code).getByRole("button", { name: "Accept" }).click();
  await ticketOf(expo, order.code).getByRole("button", { name: "Rush" }).click();
  await expect(ticketOf(curry, order.code).getByTestId("rush-badge")).toBeVisible();
  // Rushed first: only rushed tickets (earlier tests may leave some) are above it.
  await expect.poll(() => rushedAbove(curry, order.code)).toBe(true);

  await ticketOf(curry, order.code).getByRole("button", { name: "Done: Prawn Moilee" }).click();
  await ticketOf(curry, order.code).getByRole("button", { name: "Done: Kerala Fish Curry & Rice" }).click();
  await expect(ticketOf(curry, order.code)).toHaveClass(/ticket-dimmed/);
  await expect(ticketOf(expo, order.code).getByTestId("station-progress")).toHaveText("Curry ✓");
  // Every item is done, and the ticket still waits for the expo.
  await expect(ticketOf(expo, order.code)).toHaveAttribute("data-status", "PREPARING");
  const db = database();
  try {
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PREPARING");
  } finally {
    await db.$disconnect();
  }

  await ticketOf(expo, order.code).getByRole("button", { name: "Ready", exact: true }).click();
  await expect(expo.getByTestId("column-READY").locator(`[data-code="${order.code}"]`)).toBeVisible();
  await expect(ticketOf(curry, order.code)).toHaveCount(0);
});
