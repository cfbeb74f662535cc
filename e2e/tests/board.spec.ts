import { expect, test, type Locator, type Page } from "@playwright/test";
import { closeContexts, PHONE, database, kitchenPage, staffPost, placeOrderOf, staffPage, ticketOf, type OrderLine } from "./helpers.ts";

test.afterEach(closeContexts);

const COLUMNS = ["PLACED", "ACCEPTED", "PREPARING", "READY"] as const;
const BEING_MADE: readonly string[] = ["PLACED", "ACCEPTED", "PREPARING"];
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const LONG_WORD = "NoOnionNoGarlic".repeat(14).slice(0, 200);

/**
 * What the board should show, from the database: each column's codes, rushed first then oldest
 * first, and how many tickets being made are late (past twice their prep time).
 */
async function boardInDatabase(slug: string) {
  const db = database();
  try {
    const orders = await db.order.findMany({
      where: { restaurant: { slug }, status: { in: [...COLUMNS] } },
      include: { items: { include: { menuItem: { select: { prepMinutes: true } } } } },
      orderBy: [{ rush: "desc" }, { createdAt: "asc" }],
    });
    const prepMs = (order: (typeof orders)[number]) => Math.max(...order.items.map((i) => i.menuItem.prepMinutes)) * 60_000;
    return {
      columns: Object.fromEntries(COLUMNS.map((status) => [status, orders.filter((o) => o.status === status).map((o) => o.code)])),
      late: orders.filter((o) => BEING_MADE.includes(o.status) && Date.now() - o.createdAt.getTime() > 2 * prepMs(o)).length,
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

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow, `sideways scroll on ${new URL(page.url()).pathname} at ${page.viewportSize()!.width} px`).toBeLessThanOrEqual(0);
}

async function expectBoardFits(expo: Page) {
  const expected = await boardInDatabase("fort-kochi");
  await expectNoSidewaysScroll(expo);
  for (const status of COLUMNS) {
    const column = expo.getByTestId(`column-${status}`);
    await expect(column).toBeInViewport({ ratio: 1 });
    await expect(column.getByTestId("column-count")).toHaveText(String(expected.columns[status]!.length));
    await expect(column.getByTestId("ticket")).toHaveCount(expected.columns[status]!.length);
    // Rushed on top, then oldest first.
    expect(await column.getByTestId("ticket").evaluateAll((tickets) => tickets.map((t) => t.getAttribute("data-code")))).toEqual(expected.columns[status]);
    const hidden = await hiddenBelow(column);
    if (hidden > 0) await expect(column.getByTestId("more-below")).toHaveText(`▼ ${hidden} more below`);
    else await expect(column.getByTestId("more-below")).toHaveCount(0);
  }
  await expect(expo.getByTestId("late-count")).toHaveText(`⚠ ${expected.late} late`);
}

test("the board at service scale: 25 tickets and a 200-character word fit a 1280×800 tablet and a 1920×1080 wall, and the customer's and courier's pages", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const expo = await kitchenPage(browser, "fort-kochi", undefined, { viewport: SIZES[0] });
  const menus: OrderLine[][] = [
    [{ name: "Malabar Chicken Biryani" }, { name: "Fresh Lime Soda" }],
    [{ name: "Kerala Fish Curry & Rice", quantity: 2 }],
    [{ name: "Chicken 65" }, { name: "Kerala Parotta", quantity: 3 }],
    [{ name: "Beef Ularthiyathu" }, { name: "Appam (2)", quantity: 2 }],
    [{ name: "Prawn Moilee" }, { name: "Sulaimani" }],
  ];
  const orders = [];
  for (let i = 0; i < 24; i++) orders.push(await placeOrderOf(request, "fort-kochi", menus[i % menus.length]!));
  // The 25th: a delivery with the long unbroken note (and a long word in its address), ready for a courier.
  const noted = await placeOrderOf(
    request,
    "fort-kochi",
    [{ name: "Prawn Moilee", notes: LONG_WORD, allergens: ["SHELLFISH", "DAIRY"] }],
    `12 ${"MarineDriveTowers".repeat(6)}, Kochi`,
  );
  // New 10, Accepted 7, Preparing 5, Ready 2 and the noted one (and whatever other tests left).
  for (const [i, order] of [...orders, noted].entries()) {
    const steps = i < 10 ? [] : i < 17 ? ["ACCEPTED"] : i < 22 ? ["ACCEPTED", "PREPARING"] : ["ACCEPTED", "PREPARING", "READY"];
    for (const to of steps) await staffPost(expo, `/api/orders/${order.id}/transitions`, { to });
  }
  const [late, due, rushed, recalled] = [orders[12]!, orders[21]!, orders[13]!, orders[23]!];
  await staffPost(expo, `/api/orders/${rushed.id}/priority`, { rush: true });
  await staffPost(expo, `/api/orders/${recalled.id}/transitions`, { to: "PREPARING" });
  // One order placed three hours ago (late), one 25 minutes ago (due: its prep time is 20 minutes).
  const db = database();
  let placedAt: Date;
  try {
    placedAt = (await db.order.findUniqueOrThrow({ where: { id: noted.id } })).createdAt;
    await db.order.update({ where: { id: late.id }, data: { createdAt: new Date(Date.now() - 3 * 3_600_000) } });
    await db.order.update({ where: { id: due.id }, data: { createdAt: new Date(Date.now() - 25 * 60_000) } });
    // Older than most, so that the screenshots show its Recalled band.
    await db.order.update({ where: { id: recalled.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
  } finally {
    await db.$disconnect();
  }
  await expo.reload();
  await expect(expo.getByTestId("connection")).toHaveText(/Live/);

  for (const size of SIZES) {
    await expo.setViewportSize(size);
    await expectBoardFits(expo);
    await expo.screenshot({ path: `screenshots/kitchen-${size.width}.png` });
  }

  // At 1280×800 the New column overflows, and says so until it is scrolled to its end.
  await expo.setViewportSize(SIZES[0]);
  const newColumn = expo.getByTestId("column-PLACED");
  await expect(newColumn.getByTestId("more-below")).toHaveText(/^▼ \d+ more below$/);
  await newColumn.locator(".kds-list").evaluate((list) => list.scrollTo(0, list.scrollHeight));
  await expect(newColumn.getByTestId("more-below")).toHaveCount(0);

  // The long word wraps inside its ticket; allergies are the ones marked; the clock time placed shows.
  const notedTicket = ticketOf(expo, noted.code);
  await expect(notedTicket.getByTestId("allergen")).toHaveText(["⚠ Shellfish", "⚠ Dairy"]);
  await expect(notedTicket.getByText(LONG_WORD)).toBeVisible();
  expect((await notedTicket.boundingBox())!.width).toBeLessThanOrEqual((await expo.getByTestId("column-READY").boundingBox())!.width);
  await expect(notedTicket.locator(".ticket-meta")).toContainText(`Placed ${placedAt.toLocaleTimeString("en-IN", { hour: "numeric", minute: "2-digit" })}`);
  // Late and due in words, not colour alone.
  await expect(ticketOf(expo, late.code).getByTestId("lateness")).toHaveText("⚠ LATE");
  await expect(ticketOf(expo, due.code).getByTestId("lateness")).toHaveText("◷ DUE");
  await expect(ticketOf(expo, recalled.code).getByTestId("recalled-badge")).toBeVisible();
  await expect(ticketOf(expo, rushed.code).getByTestId("rush-badge")).toBeVisible();

  // The customer's status page and the courier's list carry the same long words without widening.
  const customer = await (await browser.newContext(PHONE)).newPage();
  await customer.goto(`/orders/${noted.id}#token=${noted.token}`);
  await expect(customer.getByText(LONG_WORD, { exact: false })).toBeVisible();
  const courier = await staffPage(browser, "courier1", "fort-kochi");
  await expect(courier.locator(`[data-testid="delivery"][data-code="${noted.code}"]`)).toBeVisible();
  for (const page of [customer, courier]) {
    for (const size of [PHONE.viewport, ...SIZES]) {
      await page.setViewportSize(size);
      await expectNoSidewaysScroll(page);
    }
  }
});
