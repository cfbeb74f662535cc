import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { PHONE, WALL, advance, closeContexts, database, loggedIn, placeOrderOf, screenshot, staffToken } from "./helpers.ts";

test.afterEach(closeContexts);

const SLUG = "fort-kochi";
const LAPTOP = { viewport: { width: 1280, height: 800 } };

async function managePage(browser: Browser, options: BrowserContextOptions = LAPTOP): Promise<Page> {
  const page = await loggedIn(browser, "/manage", SLUG, "admin", options);
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  return page;
}

const count = async (page: Page, testId: string) => Number(await page.getByTestId(testId).locator(".manage-tile-value").textContent());
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("a manager watches an order arrive, turn late as the clock passes, an item sell out and a courier change, live", async ({ browser, request }) => {
  const board = await managePage(browser);
  await expect(board.getByTestId("placed-chart").locator("svg")).toBeVisible();
  const newBefore = await count(board, "status-PLACED");
  const placedBefore = Number(await board.getByTestId("placed-today").textContent());
  const kitchen = await staffToken(request, SLUG, "kitchen");

  // Placed: in New and counted in today's quarter hours, from the socket alone.
  const order = await placeOrderOf(request, SLUG, [{ name: "Pazham Pori" }]);
  await expect(board.getByTestId("status-PLACED").locator(".manage-tile-value")).toHaveText(String(newBefore + 1));
  await expect(board.getByTestId("placed-today")).toHaveText(String(placedBefore + 1));
  expect(Number(await board.getByTestId("slot-now").textContent())).toBeGreaterThanOrEqual(1);

  // Late without waiting 16 minutes: its clock is moved back in the database to 8 s short of LATE
  // (twice Pazham Pori's 8 minutes), and the kitchen accepting it brings the board the ticket as it
  // now stands. It arrives DUE; the board's own ticking then makes it LATE with no further event.
  const db = database();
  try {
    await db.order.update({ where: { id: order.id }, data: { createdAt: new Date(Date.now() - (2 * 8 * 60 - 8) * 1000) } });
  } finally {
    await db.$disconnect();
  }
  await advance(request, order.id, "ACCEPTED", kitchen);
  const late = board.locator(`[data-testid="late-ticket"][data-code="${order.code}"]`);
  await expect(late.locator(".flag")).toHaveText("DUE");
  await expect(late.locator(".flag")).toHaveText("LATE", { timeout: 15_000 });
  await expect(late).toContainText(/\+8:\d\d over 8 min/);
  await expect(board.getByTestId("late-total").locator(".manage-tile-value")).not.toHaveText("0");
  await expect(board.locator('[data-testid="station-row"][data-station="Fryer"] td').nth(1)).not.toHaveText("0");

  // The kitchen sells an item out (its own token, the API): the board's list shows it.
  const menu = await (await request.get(`/api/restaurants/${SLUG}/menu`)).json();
  const item = menu.categories.flatMap((c: { items: { id: string; name: string }[] }) => c.items).find((i: { name: string }) => i.name === "Gobi Manchurian");
  const sellOut = (available: boolean) =>
    request.patch(`/api/restaurants/${SLUG}/menu/${item.id}`, { data: available ? { available } : { available, until: "END_OF_DAY" }, headers: { authorization: `Bearer ${kitchen}` } });
  expect((await sellOut(false)).status()).toBe(200);
  try {
    await expect(board.getByTestId("sold-out-list")).toContainText("Gobi Manchurian");

    // A delivery on the way with courier1, handed to courier2 from the board.
    const delivery = await placeOrderOf(request, SLUG, [{ name: "Banana Chips" }], "2 Test Road, Kochi");
    for (const to of ["ACCEPTED", "PREPARING", "READY"]) await advance(request, delivery.id, to, kitchen);
    await advance(request, delivery.id, "OUT_FOR_DELIVERY", await staffToken(request, SLUG, "courier1"));
    const anil = board.locator('[data-testid="courier-group"][data-courier="Anil Kumar"]');
    await expect(anil.locator(`[data-testid="delivery"][data-code="${delivery.code}"]`)).toBeVisible();
    await expect(anil).toContainText("out with");
    await screenshot(board, "manage-1280");

    await board.getByLabel(`Courier for ${delivery.code}`).selectOption({ label: "Fathima Rasheed" });
    const fathima = board.locator('[data-testid="courier-group"][data-courier="Fathima Rasheed"]');
    await expect(fathima.locator(`[data-testid="delivery"][data-code="${delivery.code}"]`)).toBeVisible();
    const check = database();
    try {
      const courier2 = await check.staff.findFirstOrThrow({ where: { restaurant: { slug: SLUG }, login: "courier2" } });
      await expect.poll(async () => (await check.order.findUniqueOrThrow({ where: { id: delivery.id } })).courierId).toBe(courier2.id);
    } finally {
      await check.$disconnect();
    }
    expect(await noSidewaysScroll(board)).toBe(true);

    const wall = await managePage(browser, WALL);
    await expect(wall.locator(`[data-testid="late-ticket"][data-code="${order.code}"] .flag`)).toHaveText("LATE");
    expect(await noSidewaysScroll(wall)).toBe(true);
    await screenshot(wall, "manage-1920");

    const phone = await managePage(browser, PHONE);
    await expect(phone.getByTestId("sold-out-list")).toContainText("Gobi Manchurian");
    expect(await noSidewaysScroll(phone)).toBe(true);
    await screenshot(phone, "manage-phone");
  } finally {
    expect((await sellOut(true)).status()).toBe(200);
  }
});
