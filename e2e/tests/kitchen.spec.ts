import { expect, test } from "@playwright/test";
import { advance, closeContexts, PHONE, database, kitchenPage, placeOrderOf, realtime, sameLogin, staffPage, staffPost, staffToken, ticketOf } from "./helpers.ts";

test.afterEach(closeContexts);

test("a ticket collected by mistake is recalled from Recently bumped and is back, marked Recalled, on every expo screen", async ({ browser, request }) => {
  const expo = await kitchenPage(browser, "fort-kochi");
  const wall = await sameLogin(expo);
  const order = await placeOrderOf(request, "fort-kochi", [{ name: "Chicken 65" }, { name: "Kerala Parotta", quantity: 2 }]);
  const other = await placeOrderOf(request, "fort-kochi", [{ name: "Sulaimani" }]);
  await staffPost(expo, `/api/orders/${other.id}/transitions`, { to: "REJECTED", reason: { code: "DUPLICATE_ORDER" } });

  for (const button of ["Accept", "Start", "Ready", "Collected"]) {
    await ticketOf(expo, order.code).getByRole("button", { name: button, exact: true }).click();
  }
  await expect(ticketOf(wall, order.code)).toHaveCount(0);

  await expo.getByTestId("recently-bumped-open").click();
  const drawer = expo.getByTestId("recently-bumped");
  const row = drawer.locator(`[data-order-code="${order.code}"]`);
  await expect(row).toContainText("Collected");
  await expect(row).toContainText("by expo");
  await expect(drawer.locator(`[data-order-code="${other.code}"]`)).toContainText("Duplicate order");
  await expo.screenshot({ path: "screenshots/recently-bumped.png" });
  await row.getByRole("button", { name: "Recall to Ready" }).click();

  // Back on the board, marked Recalled: on this screen and, live, on the other.
  for (const page of [expo, wall]) {
    await expect(page.getByTestId("column-READY").locator(`[data-code="${order.code}"]`).getByTestId("recalled-badge")).toHaveText("↩ Recalled");
  }
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(drawer).toHaveCount(0);

  // The READY ticket's own Recall sends it back to the cooks.
  await ticketOf(expo, order.code).getByRole("button", { name: "Recall" }).click();
  await expect(wall.getByTestId("column-PREPARING").locator(`[data-code="${order.code}"]`).getByTestId("recalled-badge")).toBeVisible();
  // Its next move forward ends the mark.
  await ticketOf(wall, order.code).getByRole("button", { name: "Ready", exact: true }).click();
  await expect(ticketOf(expo, order.code)).toHaveAttribute("data-status", "READY");
  await expect(ticketOf(expo, order.code).getByTestId("recalled-badge")).toHaveCount(0);

  const db = database();
  try {
    const moves = await db.orderEvent.findMany({ where: { orderId: order.id, type: "STATUS_CHANGED" }, orderBy: { seq: "asc" } });
    expect(moves.map((e) => (e.payload as { to: string }).to)).toEqual(["PLACED", "ACCEPTED", "PREPARING", "READY", "COLLECTED", "READY", "PREPARING", "READY"]);
  } finally {
    await db.$disconnect();
  }
});

test("a delivery bumped Ready by mistake is recalled from Recently bumped: the courier's pickup is withdrawn and the customer sees it back in the kitchen, live", async ({ browser, request }) => {
  const expo = await kitchenPage(browser, "fort-kochi");
  const courier = await staffPage(browser, "courier1", "fort-kochi");
  const order = await placeOrderOf(request, "fort-kochi", [{ name: "Malabar Chicken Biryani" }, { name: "Fresh Lime Soda" }], "7 Princess Street, Fort Kochi");
  const customer = await (await browser.newContext(PHONE)).newPage();
  await customer.goto(`/orders/${order.id}#token=${order.token}`);
  await expect(customer.getByTestId("connection")).toHaveText(/Live/);
  const status = customer.getByTestId("order-status");

  for (const button of ["Accept", "Start", "Ready"]) {
    await ticketOf(expo, order.code).getByRole("button", { name: button, exact: true }).click();
  }
  await expect(status).toHaveAttribute("data-status", "READY");
  const card = courier.locator(`[data-testid="delivery"][data-code="${order.code}"]`);
  await expect(card).toBeVisible();
  await expect(courier.getByTestId("pickup-alert")).toHaveText(`New pickup: ${order.code}`);

  await expo.getByTestId("recently-bumped-open").click();
  const row = expo.getByTestId("recently-bumped").locator(`[data-order-code="${order.code}"]`);
  await expect(row).toContainText("Ready");
  await row.getByRole("button", { name: "Recall to Preparing" }).click();

  await expect(card).toHaveCount(0);
  await expect(courier.getByTestId("pickup-alert")).toHaveCount(0);
  await expect(status).toHaveAttribute("data-status", "PREPARING");
  await expect(customer.getByTestId("history")).toContainText("Back in the kitchen: being prepared");
  await customer.screenshot({ path: "screenshots/customer-recalled.png" });
});

test("Cancel and Reject ask why first, Rush sorts first, a double tap moves once, conflicts are said in kitchen words", async ({ browser, request }) => {
  const expo = await kitchenPage(browser, "fort-kochi");
  const a = await placeOrderOf(request, "fort-kochi", [{ name: "Kerala Fish Curry & Rice" }]);
  // An older ticket, so that the rushed one has a ticket to overtake whatever ran before this test.
  await placeOrderOf(request, "fort-kochi", [{ name: "Chicken 65" }]);
  const b = await placeOrderOf(request, "fort-kochi", [{ name: "Malabar Chicken Biryani" }]);
  const db = database();
  try {
    // Reject: nothing is sent until a reason is confirmed.
    await ticketOf(expo, a.code).getByRole("button", { name: "Reject" }).click();
    const dialog = expo.getByTestId("close-reason");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Back" }).click();
    await expect(dialog).toHaveCount(0);
    await ticketOf(expo, a.code).getByRole("button", { name: "Reject" }).click();
    await dialog.getByLabel("Other").check();
    await expect(dialog.getByRole("button", { name: "Reject order" })).toBeDisabled();
    expect((await db.order.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("PLACED");
    await dialog.getByLabel("What happened?").fill("Out of fish for today");
    await expo.screenshot({ path: "screenshots/close-reason.png" });
    await dialog.getByRole("button", { name: "Reject order" }).click();
    await expect(ticketOf(expo, a.code)).toHaveCount(0);
    expect(await db.order.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "REJECTED", closeReason: "OTHER", closeNote: "Out of fish for today" });

    // Rush: the newest ticket goes to the top of its column and stands out.
    const newColumn = expo.getByTestId("column-PLACED");
    await expect(newColumn.getByTestId("ticket").first()).not.toHaveAttribute("data-code", b.code);
    await ticketOf(expo, b.code).getByRole("button", { name: "Rush" }).click();
    await expect(newColumn.getByTestId("ticket").first()).toHaveAttribute("data-code", b.code);
    await expect(ticketOf(expo, b.code).getByTestId("rush-badge")).toBeVisible();

    // A double tap on Accept accepts once and says nothing.
    await ticketOf(expo, b.code).getByRole("button", { name: "Accept" }).dblclick();
    await expect(expo.getByTestId("column-ACCEPTED").locator(`[data-code="${b.code}"]`)).toBeVisible();
    await expect(expo.getByTestId("problem")).toHaveCount(0);
    expect(await db.orderEvent.count({ where: { orderId: b.id, type: "STATUS_CHANGED" } })).toBe(2);

    // Cancel with a reason from the list.
    await ticketOf(expo, b.code).getByRole("button", { name: "Cancel" }).click();
    await dialog.getByLabel("Item unavailable").check();
    await dialog.getByRole("button", { name: "Cancel order" }).click();
    await expect(ticketOf(expo, b.code)).toHaveCount(0);
    expect(await db.order.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "CANCELLED", closeReason: "ITEM_UNAVAILABLE" });

    // Another screen accepts while this one hears nothing: Accept here is refused, said in kitchen words.
    const c = await placeOrderOf(request, "fort-kochi", [{ name: "Chicken 65" }]);
    await expect(ticketOf(expo, c.code)).toBeVisible();
    await realtime("pause");
    await staffPost(expo, `/api/orders/${c.id}/transitions`, { to: "ACCEPTED" });
    await ticketOf(expo, c.code).getByRole("button", { name: "Accept" }).click();
    await expect(expo.getByTestId("problem")).toHaveText(`${c.code} was just changed on another screen — the board is up to date`);
    await expect(ticketOf(expo, c.code)).toHaveAttribute("data-status", "ACCEPTED");
    // The next change that goes through clears it.
    await ticketOf(expo, c.code).getByRole("button", { name: "Start" }).click();
    await expect(ticketOf(expo, c.code)).toHaveAttribute("data-status", "PREPARING");
    await expect(expo.getByTestId("problem")).toHaveCount(0);
    // +5 min pushes the promised time back.
    const readyAt = async () => (await db.order.findUniqueOrThrow({ where: { id: c.id } })).estimatedReadyAt!.getTime();
    const before = await readyAt();
    await ticketOf(expo, c.code).getByRole("button", { name: "+5 min" }).click();
    // The click's request may still be in flight: wait for the database to hold the new time before reading it.
    await expect.poll(readyAt).toBeGreaterThan(before);
    const promised = new Date(await readyAt());
    await expect(ticketOf(expo, c.code).getByTestId("promised")).toHaveText(`Promised ${promised.toLocaleTimeString("en-IN", { hour: "numeric", minute: "2-digit" })}`);
  } finally {
    await realtime("resume");
    await db.$disconnect();
  }
});

test("the sound choice is remembered on the device; while it is off the screen says so", async ({ browser }) => {
  const expo = await kitchenPage(browser, "fort-kochi");
  const sound = expo.getByTestId("sound");
  await expect(sound).toHaveText("⚠ Sound off — tap to turn on");
  await sound.click();
  await expect(sound).toHaveText("♪ Sound on");
  await expect(sound).toHaveAttribute("aria-pressed", "true");

  await expo.reload();
  // The browser needs a tap before it plays again: any tap on the page will do.
  await expect(sound).toHaveText("⚠ Tap to resume sound");
  await expo.getByRole("heading", { level: 1 }).click();
  await expect(sound).toHaveText("♪ Sound on");

  await sound.click();
  await expect(sound).toHaveText("⚠ Sound off — tap to turn on");
  await expo.reload();
  await expect(sound).toHaveText("⚠ Sound off — tap to turn on");
});

test("a delivery the courier could not hand over shows at the top of the expo, live, with why and whom to call", async ({ browser, request }) => {
  const expo = await kitchenPage(browser, "fort-kochi");
  const order = await placeOrderOf(request, "fort-kochi", [{ name: "Sulaimani" }], "3 Beach Road, Fort Kochi");
  for (const to of ["ACCEPTED", "PREPARING", "READY"]) await staffPost(expo, `/api/orders/${order.id}/transitions`, { to });
  const courier = await staffToken(request, "fort-kochi", "courier2");
  await advance(request, order.id, "OUT_FOR_DELIVERY", courier);
  const failed = expo.getByTestId("failed-deliveries").locator(`[data-order-code="${order.code}"]`);
  await expect(failed).toHaveCount(0);
  const response = await request.post(`/api/orders/${order.id}/transitions`, {
    data: { to: "DELIVERY_FAILED", reason: { code: "ADDRESS_NOT_FOUND", note: "No such house number" } },
    headers: { authorization: `Bearer ${courier}` },
  });
  expect(response.status()).toBe(200);
  await expect(failed).toContainText("Address not found (No such house number), Fathima Rasheed");
  await expect(failed).toContainText("Test Customer 9847012345");
});
