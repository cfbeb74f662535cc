import { expect, test, type APIRequestContext, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { advance, closeContexts, database, PHONE, placeOrder, screenshot, staffToken } from "./helpers.ts";

test.afterEach(closeContexts);

const SLUG = "fort-kochi";
/** Where the test orders go: about 1.3 km south-east of the Fort Kochi restaurant. */
const HOME = { latitude: 9.956, longitude: 76.248 };
const METRES_PER_DEGREE_OF_LATITUDE = 111_195;

/** A point `metres` due north of HOME. */
const northOfHome = (metres: number) => ({ latitude: HOME.latitude + metres / METRES_PER_DEGREE_OF_LATITUDE, longitude: HOME.longitude });

interface Recorded {
  notifications: { title: string; body?: string; tag?: string }[];
  /** Every distance the ETA line showed, in order. */
  metresShown: number[];
  violations: string[];
}

/**
 * Runs in the page before its scripts: records the notifications it shows (the real API still
 * runs), every distance the ETA line shows, and Content-Security-Policy violations.
 */
function recorder() {
  const recorded: Recorded = { notifications: [], metresShown: [], violations: [] };
  (window as unknown as { recorded: Recorded }).recorded = recorded;
  const Real = window.Notification;
  window.Notification = class extends Real {
    constructor(title: string, options?: NotificationOptions) {
      recorded.notifications.push({ title, body: options?.body, tag: options?.tag });
      super(title, options);
    }
  };
  document.addEventListener("securitypolicyviolation", (e) => recorded.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      const metres = m.target instanceof Element ? m.target.getAttribute("data-metres") : null;
      if (metres !== null) recorded.metresShown.push(Number(metres));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-metres"] });
}

const recordedOf = (page: Page) => page.evaluate(() => (window as unknown as { recorded: Recorded }).recorded);

/** Whether the map shows both markers whole: it is fitted to them. */
const markersInsideMap = (page: Page) =>
  page.evaluate(() => {
    const map = document.querySelector('[data-testid="delivery-map"]')!.getBoundingClientRect();
    return [".map-pin-courier", ".map-pin-destination"].every((selector) => {
      const pin = document.querySelector(selector)?.getBoundingClientRect();
      return pin && pin.top >= map.top && pin.bottom <= map.bottom && pin.left >= map.left && pin.right <= map.right;
    });
  });

/** The customer's phone on the order's page, recording what it shows; OpenStreetMap's tiles never load (no internet in tests). */
async function customerPage(browser: Browser, order: { id: string; token: string }, options: BrowserContextOptions = PHONE) {
  const context = await browser.newContext({ ...options, permissions: ["notifications"] });
  await context.addInitScript(recorder);
  await context.route("https://tile.openstreetmap.org/**", (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`/orders/${order.id}#token=${order.token}`);
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  return page;
}

async function postPosition(request: APIRequestContext, orderId: string, token: string, point: { latitude: number; longitude: number }, at = new Date()) {
  const response = await request.post(`/api/orders/${orderId}/position`, {
    data: { ...point, accuracyM: 10, speedMps: 6, at: at.toISOString() },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status(), await response.text()).toBe(202);
  return (await response.json()).kept as boolean;
}

/** Kitchen: accepted, prepared, ready; then courier1 takes it. */
async function sendOut(request: APIRequestContext, orderId: string) {
  const kitchen = await staffToken(request, SLUG, "kitchen");
  for (const to of ["ACCEPTED", "PREPARING", "READY"]) await advance(request, orderId, to, kitchen);
  const courier = await staffToken(request, SLUG, "courier1");
  await advance(request, orderId, "OUT_FOR_DELIVERY", courier);
  return courier;
}

async function pinOf(orderId: string): Promise<string> {
  const db = database();
  try {
    return (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { deliveryPin: true } })).deliveryPin!;
  } finally {
    await db.$disconnect();
  }
}

test("the customer follows the courier on a map: PIN, courier, the distance and ETA falling live, notified on the way and when close", async ({ browser, request }) => {
  const order = await placeOrder(request, SLUG, "DELIVERY", { deliveryLocation: HOME });
  const customer = await customerPage(browser, order);
  const status = customer.getByTestId("order-status");
  await expect(customer.getByText(/Pay ₹[\d,.]+ in cash to the courier/)).toBeVisible();
  await customer.getByRole("button", { name: /Notify me/ }).click();
  await expect(customer.getByTestId("notify-state")).toContainText("We will notify you");

  const kitchen = await staffToken(request, SLUG, "kitchen");
  for (const to of ["ACCEPTED", "PREPARING"]) await advance(request, order.id, to, kitchen);
  await expect(customer.getByText(/Kitchen estimate: ready by/)).toBeVisible();
  await advance(request, order.id, "READY", kitchen);
  await expect(status).toHaveAttribute("data-status", "READY");
  const pin = await pinOf(order.id);
  await expect(customer.getByTestId("delivery-pin")).toHaveText(`Give this code to your courier:${pin.split("").join(" ")}`);

  const courier = await staffToken(request, SLUG, "courier1");
  await advance(request, order.id, "OUT_FOR_DELIVERY", courier);
  await expect(status).toHaveAttribute("data-status", "OUT_FOR_DELIVERY");
  const announcement = customer.getByTestId("status-announcement");
  await expect(announcement).toHaveAttribute("aria-live", "polite");
  await expect(announcement).toContainText("Your order is on the way.");
  await expect.poll(async () => (await recordedOf(customer)).notifications).toEqual([
    { title: "Your order is on the way", body: `Anil Kumar is bringing ${order.code}.`, tag: `${order.id}:on-the-way` },
  ]);
  await expect(customer).toHaveTitle(/^🔔 Order/);
  await expect(customer.getByText(/Kitchen estimate/)).toHaveCount(0);
  await expect(customer.getByTestId("courier")).toContainText("Anil Kumar");
  await expect(customer.getByTestId("courier").getByRole("link", { name: /Call Anil Kumar/ })).toHaveAttribute("href", "tel:+919847010001");
  await expect(customer.getByTestId("delivery-pin")).toContainText(pin.split("").join(" "));

  // The map and its destination marker are there although no tile loads.
  await expect(customer.getByTestId("delivery-map")).toBeVisible();
  await expect(customer.locator(".map-pin-destination")).toBeVisible();
  const eta = customer.getByTestId("delivery-eta");
  const minutesShown: number[] = [];
  for (const metres of [2000, 1000, 200]) {
    await postPosition(request, order.id, courier, northOfHome(metres));
    await expect.poll(async () => Math.abs(Number(await eta.getAttribute("data-metres")) - metres)).toBeLessThan(5);
    minutesShown.push(Number(await eta.getAttribute("data-minutes")));
    await expect(eta).toContainText(metres >= 1000 ? `${(metres / 1000).toFixed(1)} km away` : `${metres} m away`);
    if (metres === 1000) {
      await expect(eta).toContainText(/Arriving in about \d+ min · 1\.0 km away · updated \d+ s ago/);
      await expect(customer.locator(".map-pin-courier")).toBeVisible();
      await expect.poll(() => markersInsideMap(customer)).toBe(true);
      expect((await recordedOf(customer)).notifications).toHaveLength(1);
      await screenshot(customer, "tracking-on-the-way");
    }
  }
  expect(minutesShown[0]).toBeGreaterThan(minutesShown[1]!);
  expect(minutesShown[1]).toBeGreaterThan(minutesShown[2]!);
  await expect(eta).toContainText("Almost there · 200 m away");
  await expect.poll(async () => (await recordedOf(customer)).notifications.map((n) => n.tag)).toEqual([`${order.id}:on-the-way`, `${order.id}:nearby`]);
  // "updated … ago" ticks.
  await expect(eta).toContainText(/updated [1-9]\d* s ago/);

  // A position taken earlier but arriving late is not kept; the next newer one is shown, and the display never went back.
  expect(await postPosition(request, order.id, courier, northOfHome(3000), new Date(Date.now() - 30_000))).toBe(false);
  await postPosition(request, order.id, courier, northOfHome(150));
  await expect(eta).toContainText("150 m away");
  const { metresShown, notifications, violations } = await recordedOf(customer);
  expect(metresShown.length).toBeGreaterThanOrEqual(4);
  expect(metresShown).toEqual([...metresShown].sort((a, b) => b - a));
  expect(notifications).toHaveLength(2);
  expect(violations).toEqual([]);

  // Phone-sized: nothing scrolls sideways, and every link and button is at least 44 px each way.
  expect(await customer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const small = await customer.evaluate(() =>
    Array.from(document.querySelectorAll("main a, main button"))
      .filter((e) => !e.closest(".leaflet-control-attribution"))
      .map((e) => ({ text: e.textContent, box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(({ text, box }) => `${text} ${box.width}×${box.height}`),
  );
  expect(small).toEqual([]);
});

test("the delivery PIN is on its customer's page and in no staff answer", async ({ browser, request }) => {
  const order = await placeOrder(request, SLUG, "DELIVERY", { deliveryLocation: HOME });
  const pin = await pinOf(order.id);
  const customer = await customerPage(browser, order);
  const courier = await sendOut(request, order.id);
  await expect(customer.getByTestId("delivery-pin")).toContainText(pin.split("").join(" "));

  const snapshot = await (await request.get(`/api/orders/${order.id}`, { headers: { authorization: `Bearer ${order.token}` } })).json();
  expect(snapshot.deliveryPin).toBe(pin);
  const kitchen = await staffToken(request, SLUG, "kitchen");
  const staffAnswers = [
    await request.get(`/api/kitchens/${snapshot.ticket.kitchenId}/orders`, { headers: { authorization: `Bearer ${kitchen}` } }),
    await request.get(`/api/orders/${order.id}`, { headers: { authorization: `Bearer ${courier}` } }),
    await request.get(`/api/restaurants/${SLUG}/deliveries`, { headers: { authorization: `Bearer ${courier}` } }),
  ];
  for (const answer of staffAnswers) {
    expect(answer.status()).toBe(200);
    const body = await answer.text();
    expect(body).not.toContain("deliveryPin");
    expect(body).not.toContain(`"${pin}"`);
  }
});

test("a delivery that failed says why and whom to call", async ({ browser, request }) => {
  const order = await placeOrder(request, SLUG, "DELIVERY", { deliveryLocation: HOME });
  const customer = await customerPage(browser, order);
  const courier = await sendOut(request, order.id);
  await postPosition(request, order.id, courier, northOfHome(40));
  await expect(customer.getByTestId("delivery-eta")).toContainText("40 m away");
  const response = await request.post(`/api/orders/${order.id}/transitions`, {
    data: { to: "DELIVERY_FAILED", reason: { code: "CUSTOMER_UNREACHABLE" } },
    headers: { authorization: `Bearer ${courier}` },
  });
  expect(response.status(), await response.text()).toBe(200);

  await expect(customer.getByTestId("order-status")).toHaveAttribute("data-status", "DELIVERY_FAILED");
  const failed = customer.getByTestId("delivery-failed");
  await expect(failed).toContainText("The courier could not reach you.");
  await expect(failed.getByRole("link", { name: "Call Malabar Table — Fort Kochi: +91 484 221 0001" })).toHaveAttribute("href", "tel:+914842210001");
  await expect(customer.getByTestId("delivery-map")).toHaveCount(0);
  await expect(customer.getByTestId("delivery-pin")).toHaveCount(0);
  await expect(customer.getByTestId("payment")).toHaveCount(0);
  await screenshot(customer, "tracking-failed");
});

test("the customer cancels while the order is placed, after confirming; not once the kitchen accepted", async ({ browser, request }) => {
  const order = await placeOrder(request, SLUG);
  const customer = await customerPage(browser, order);
  const status = customer.getByTestId("order-status");
  const dialog = customer.getByTestId("cancel-dialog");

  await customer.getByRole("button", { name: "Cancel order" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep my order" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(status).toHaveAttribute("data-status", "PLACED");

  await customer.getByRole("button", { name: "Cancel order" }).click();
  await dialog.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(status).toHaveAttribute("data-status", "CANCELLED");
  await expect(customer.getByTestId("close-reason")).toHaveText("You asked to cancel");
  await expect(customer.getByRole("button", { name: "Cancel order" })).toHaveCount(0);

  const accepted = await placeOrder(request, SLUG);
  const other = await customerPage(browser, accepted);
  await expect(other.getByRole("button", { name: "Cancel order" })).toBeVisible();
  await advance(request, accepted.id, "ACCEPTED", await staffToken(request, SLUG, "kitchen"));
  await expect(other.getByTestId("order-status")).toHaveAttribute("data-status", "ACCEPTED");
  await expect(other.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
});

test("Copy link says Link copied only once the clipboard holds the link; otherwise it shows the link", async ({ browser, request, baseURL }) => {
  const order = await placeOrder(request, SLUG);
  const link = `${baseURL}/orders/${order.id}#token=${order.token}`;
  const desktop = { viewport: { width: 1280, height: 800 } };
  const page = await (await browser.newContext({ ...desktop, permissions: ["clipboard-read", "clipboard-write"] })).newPage();
  await page.goto(`/orders/${order.id}#token=${order.token}`);
  await page.getByRole("button", { name: "Copy link to this page" }).click();
  await expect(page.getByRole("button", { name: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const refused = await browser.newContext(desktop);
  await refused.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
  });
  const other = await refused.newPage();
  await other.goto(`/orders/${order.id}#token=${order.token}`);
  await other.getByRole("button", { name: "Copy link to this page" }).click();
  await expect(other.getByText("Could not copy. Select this link and copy it:")).toBeVisible();
  await expect(other.getByTestId("share-url")).toHaveValue(link);
  await expect(other.getByRole("button", { name: "Link copied" })).toHaveCount(0);
});
