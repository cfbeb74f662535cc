import { expect, test, type Locator, type Page } from "@playwright/test";
import { database, kitchenPage, pageToken, placeOrderOf, realtime, sameLogin, ticketOf, type OrderLine } from "./helpers.ts";

const COLUMNS = ["PLACED", "ACCEPTED", "PREPARING", "READY"] as const;
const BEING_MADE = ["PLACED", "ACCEPTED", "PREPARING"] as const;

async function post(page: Page, path: string, data: object) {
  const response = await page.request.post(path, { data, headers: { authorization: `Bearer ${await pageToken(page)}` } });
  expect(response.status(), await response.text()).toBe(200);
}

/** What the board should show, from the database: tickets per column, and how many are late (past twice their prep time). */
async function boardInDatabase(slug: string) {
  const db = database();
  try {
    const orders = await db.order.findMany({
      where: { restaurant: { slug }, status: { in: [...COLUMNS] } },
      include: { items: { include: { menuItem: { select: { prepMinutes: true } } } } },
    });
    const prepMs = (order: (typeof orders)[number]) => Math.max(...order.items.map((i) => i.menuItem.prepMinutes)) * 60_000;
    return {
      columns: Object.fromEntries(COLUMNS.map((status) => [status, orders.filter((o) => o.status === status).length])),
      late: orders.filter((o) => (BEING_MADE as readonly string[]).includes(o.status) && Date.now() - o.createdAt.getTime() > 2 * prepMs(o)).length,
    };
  } finally {
    await db.$disconnect();
  }
}

/** Tickets of a column not wholly inside its scrolling list, measured in the page. */
function hiddenBelow(column: Locator): Promise<number> {
  return column.locator(".kds-list").evaluate((list) => {
    const bottom = list.getBoundingClientRect().bottom;
    return Array.from(list.children).filter((ticket) => ticket.getBoundingClientRect().bottom > bottom + 1).length;
  });
}

async function expectBoardFits(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  const expected = await boardInDatabase("fort-kochi");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  for (const status of COLUMNS) {
    const column = page.getByTestId(`column-${status}`);
    await expect(column.getByRole("heading")).toBeInViewport({ ratio: 1 });
    await expect(column.getByTestId("column-count")).toHaveText(String(expected.columns[status]));
    await expect(column.getByTestId("ticket")).toHaveCount(expected.columns[status]!);
    const hidden = await hiddenBelow(column);
    if (hidden > 0) await expect(column.getByTestId("more-below")).toHaveText(`▼ ${hidden} more below`);
    else await expect(column.getByTestId("more-below")).toHaveCount(0);
  }
  await expect(page.getByTestId("late-count")).toHaveText(`⚠ ${expected.late} late`);
}

test("the board at service scale: 25 tickets and a 200-character word fit a 1280×800 tablet and a 1920×1080 wall", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const expo = await kitchenPage(browser, "fort-kochi", undefined, { viewport: { width: 1280, height: 800 } });
  const longWord = "NoOnionNoGarlic".repeat(14).slice(0, 200);
  const menus: OrderLine[][] = [
    [{ name: "Malabar Chicken Biryani" }, { name: "Fresh Lime Soda" }],
    [{ name: "Kerala Fish Curry & Rice", quantity: 2 }],
    [{ name: "Chicken 65" }, { name: "Kerala Parotta", quantity: 3 }],
    [{ name: "Beef Ularthiyathu" }, { name: "Appam (2)", quantity: 2 }],
    [{ name: "Prawn Moilee" }, { name: "Sulaimani" }],
  ];
  const orders = [];
  orders.push(await placeOrderOf(request, "fort-kochi", [{ name: "Prawn Moilee", notes: longWord, allergens: ["SHELLFISH", "DAIRY"] }]));
  for (let i = 1; i < 25; i++) orders.push(await placeOrderOf(request, "fort-kochi", menus[i % menus.length]!));
  // New 10, Accepted 7, Preparing 5, Ready 3 (and whatever earlier tests left).
  for (const [i, order] of orders.entries()) {
    const steps = i < 10 ? [] : i < 17 ? ["ACCEPTED"] : i < 22 ? ["ACCEPTED", "PREPARING"] : ["ACCEPTED", "PREPARING", "READY"];
    for (const to of steps) await post(expo, `/api/orders/${order.id}/transitions`, { to });
  }
  const [late, due, rushed, recalled] = [orders[12]!, orders[21]!, orders[13]!, orders[23]!];
  await post(expo, `/api/orders/${rushed.id}/priority`, { rush: true });
  await post(expo, `/api/orders/${recalled.id}/transitions`, { to: "PREPARING" });
  // One order placed three hours ago (late), one 25 minutes ago (due: its prep time is 20 minutes).
  const db = database();
  try {
    await db.order.update({ where: { id: late.id }, data: { createdAt: new Date(Date.now() - 3 * 3_600_000) } });
    await db.order.update({ where: { id: due.id }, data: { createdAt: new Date(Date.now() - 25 * 60_000) } });
    // Older than most, so that the screenshots show its Recalled band.
    await db.order.update({ where: { id: recalled.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
  } finally {
    await db.$disconnect();
  }
  await expo.reload();
  await expect(expo.getByTestId("connection")).toHaveText(/Live/);

  await expectBoardFits(expo, 1280, 800);
  const noted = ticketOf(expo, orders[0]!.code);
  await expect(noted.getByTestId("allergen")).toHaveText(["⚠ Shellfish", "⚠ Dairy"]);
  await expect(noted.getByText(longWord)).toBeVisible();
  expect((await noted.boundingBox())!.width).toBeLessThanOrEqual((await expo.getByTestId("column-PLACED").boundingBox())!.width);
  await expect(noted.locator(".ticket-meta")).toContainText(/Placed \d{1,2}:\d{2} (am|pm)/);
  await expect(ticketOf(expo, late.code).getByTestId("lateness")).toHaveText("⚠ LATE");
  await expect(ticketOf(expo, due.code).getByTestId("lateness")).toHaveText("◷ DUE");
  await expect(expo.getByTestId("column-ACCEPTED").getByTestId("ticket").first()).toHaveAttribute("data-code", rushed.code);
  await expect(ticketOf(expo, recalled.code).getByTestId("recalled-badge")).toBeVisible();
  await expect(expo.getByTestId("column-PLACED").getByTestId("more-below")).toBeVisible();
  await expo.screenshot({ path: "screenshots/kitchen-1280.png" });

  await expectBoardFits(expo, 1920, 1080);
  await expo.screenshot({ path: "screenshots/kitchen-1920.png" });

  // Scrolled to its end, a column has nothing more below.
  const newColumn = expo.getByTestId("column-PLACED");
  await newColumn.locator(".kds-list").evaluate((list) => list.scrollTo(0, list.scrollHeight));
  await expect(newColumn.getByTestId("more-below")).toHaveCount(0);
});

test("a ticket collected by mistake is recalled from Recently bumped and is back, marked Recalled, on every expo screen", async ({ browser, request }) => {
  const expo = await kitchenPage(browser, "fort-kochi");
  const wall = await sameLogin(expo);
  const order = await placeOrderOf(request, "fort-kochi", [{ name: "Chicken 65" }, { name: "Kerala Parotta", quantity: 2 }]);
  const other = await placeOrderOf(request, "fort-kochi", [{ name: "Sulaimani" }]);
  await post(expo, `/api/orders/${other.id}/transitions`, { to: "REJECTED", reason: { code: "DUPLICATE_ORDER" } });

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

test("Cancel and Reject ask why first, Rush sorts first, a double tap moves once, conflicts are said in kitchen words", async ({ browser, request }) => {
  const expo = await kitchenPage(browser, "fort-kochi");
  const a = await placeOrderOf(request, "fort-kochi", [{ name: "Kerala Fish Curry & Rice" }]);
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
  } finally {
    await db.$disconnect();
  }

  // Another screen accepts while this one hears nothing: Accept here is refused, said in kitchen words.
  const c = await placeOrderOf(request, "fort-kochi", [{ name: "Chicken 65" }]);
  await expect(ticketOf(expo, c.code)).toBeVisible();
  await realtime("pause");
  try {
    await post(expo, `/api/orders/${c.id}/transitions`, { to: "ACCEPTED" });
    await ticketOf(expo, c.code).getByRole("button", { name: "Accept" }).click();
    await expect(expo.getByTestId("problem")).toHaveText(`${c.code} was just changed on another screen — the board is up to date`);
    await expect(ticketOf(expo, c.code)).toHaveAttribute("data-status", "ACCEPTED");
    // The next change that goes through clears it.
    await ticketOf(expo, c.code).getByRole("button", { name: "Start" }).click();
    await expect(ticketOf(expo, c.code)).toHaveAttribute("data-status", "PREPARING");
    await expect(expo.getByTestId("problem")).toHaveCount(0);
    // +5 min pushes the promised time back.
    await ticketOf(expo, c.code).getByRole("button", { name: "+5 min" }).click();
    const promised = (await db.order.findUniqueOrThrow({ where: { id: c.id } })).estimatedReadyAt!;
    await expect(ticketOf(expo, c.code).getByTestId("promised")).toHaveText(`Promised ${promised.toLocaleTimeString("en-IN", { hour: "numeric", minute: "2-digit" })}`);
  } finally {
    await realtime("resume");
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
