import { readFile } from "node:fs/promises";
import { isFinal } from "@orderly/shared";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { finalState, HISTORY, HISTORY_RANGE, insertHistory } from "../../web/test/fixtures/report-history.ts";
import { closeContexts, database, loggedIn, PHONE, screenshot } from "./helpers.ts";

test.afterEach(closeContexts);

const SLUG = "fort-kochi";
// Only orders that ended: an open one from weeks ago would sit on the kitchen boards other specs look at.
const ENDED = HISTORY.filter((o) => isFinal(finalState(o).status));
const localDate = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date(iso));
const DAYS = ["2026-11-10", "2026-11-11", "2026-11-12"].map((date) => ({ date, orders: ENDED.filter((o) => localDate(o.createdAt) === date).length }));

test.beforeAll(async () => {
  const db = database();
  try {
    const restaurant = await db.restaurant.findUniqueOrThrow({ where: { slug: SLUG } });
    if (!(await db.order.findUnique({ where: { code: ENDED[0]!.code } }))) await insertHistory(db, restaurant.id, ENDED);
  } finally {
    await db.$disconnect();
  }
});

async function openReports(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const page = await loggedIn(browser, "/manage/reports", SLUG, "admin", options);
  await page.getByLabel("From", { exact: true }).fill(HISTORY_RANGE.from);
  await page.getByLabel("To", { exact: true }).fill(HISTORY_RANGE.to);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.locator(".report-summary div", { hasText: "Orders" }).locator("dd")).toHaveText(String(DAYS.reduce((sum, d) => sum + d.orders, 0)));
  return page;
}

test("an admin sees the seeded days drawn and tabled, and downloads a table as CSV", async ({ browser }) => {
  const page = await openReports(browser, { viewport: { width: 1280, height: 800 } });

  const days = page.locator('[data-table="days"]');
  await expect(days.locator("tbody tr")).toHaveCount(3);
  for (const [i, day] of DAYS.entries()) await expect(days.locator("tbody tr").nth(i).locator("td").nth(1)).toHaveText(String(day.orders));
  // One bar per day with orders, and the revenue line drawn through the days.
  await expect(days.locator(".recharts-bar-rectangle path")).toHaveCount(DAYS.filter((d) => d.orders > 0).length);
  await expect(days.locator("path.recharts-line-curve")).toHaveAttribute("d", /^M[\d.]+,[\d.]+L/);

  for (const table of ["hours", "stations", "late", "recalls", "items", "reasons"]) {
    await expect(page.locator(`[data-table="${table}"] .recharts-bar-rectangle path`).first(), table).toBeVisible();
  }
  const chicken = page.locator('[data-table="items"] tbody tr', { hasText: "Chicken 65" });
  await expect(chicken.locator("td").nth(1)).toHaveText("3");
  await expect(page.locator('[data-table="reasons"] tbody')).toContainText("Customer unreachable");
  await screenshot(page, "reports");

  const [download] = await Promise.all([page.waitForEvent("download"), days.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`${SLUG}-days-${HISTORY_RANGE.from}-to-${HISTORY_RANGE.to}.csv`);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines[0]).toBe("date,orders,revenuePaise,cancelled,rejected,deliveryFailed,late");
  expect(lines.slice(1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual(DAYS.map((d) => `${d.date},${d.orders}`));

  await page.locator('[data-table="hours"]').scrollIntoViewIfNeeded();
  // Away from the charts, so no tooltip covers them.
  await page.mouse.move(0, 0);
  await screenshot(page, "reports-hours");
});

test("reads on a phone without sideways scrolling", async ({ browser }) => {
  const page = await openReports(browser, PHONE);
  await expect(page.locator('[data-table="days"] .recharts-bar-rectangle path').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(page, "reports-phone");
});
