import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { advance, closeContexts, database, placeOrder, placeOrderOf, screenshot, staffPage, staffToken } from "./helpers.ts";

test.afterEach(closeContexts);

// One database for the whole run: an order a courier still holds stays on their phone in later
// tests, so the location test's courier (courier3) is one that holds nothing else.
const SLUG = "edappally";
type Placed = Awaited<ReturnType<typeof placeOrder>>;

/** A delivery card on a courier's phone, by order code. */
const cardOf = (page: Page, code: string) => page.locator(`[data-testid="delivery"][data-code="${code}"]`);

/** The kitchen takes an order from placed to ready (over the API, as the expo would). */
async function cook(request: APIRequestContext, order: Placed) {
  const kitchen = await staffToken(request, SLUG, "kitchen");
  for (const to of ["ACCEPTED", "PREPARING", "READY"]) await advance(request, order.id, to, kitchen);
}

/** What the order's customer sees: its total and the handover PIN. */
async function customerView(request: APIRequestContext, order: Placed) {
  const response = await request.get(`/api/orders/${order.id}`, { headers: { authorization: `Bearer ${order.token}` } });
  expect(response.status()).toBe(200);
  const snapshot = await response.json();
  return { totalPaise: snapshot.ticket.totalPaise as number, pin: snapshot.deliveryPin as string };
}

/** "₹740", as the courier counts it. */
const rupees = (paise: number) => `₹${(paise / 100).toLocaleString("en-IN")}`;

async function take(courier: Page, order: Placed) {
  await cardOf(courier, order.code).getByRole("button", { name: "Take" }).click();
  await expect(courier.getByRole("region", { name: /Your orders/ }).locator(`[data-code="${order.code}"]`)).toBeVisible();
}

async function orderRow(orderId: string) {
  const db = database();
  try {
    return await db.order.findUniqueOrThrow({ where: { id: orderId } });
  } finally {
    await db.$disconnect();
  }
}

test("two couriers are alerted to a pickup; the one who takes it has it under Your orders, and it leaves the other's phone at once", async ({ browser, request }) => {
  const [first, second] = await Promise.all([staffPage(browser, "courier1", SLUG), staffPage(browser, "courier2", SLUG)]);
  // Set on the page, lost by a reload: still there at the end means the list changed live.
  await second.evaluate(() => Object.assign(window, { notReloaded: true }));
  const order = await placeOrder(request, SLUG);
  await cook(request, order);

  for (const courier of [first, second]) {
    await expect(courier.getByTestId("pickup-alert")).toHaveText(`New pickup: ${order.code}`);
    await expect(courier.getByRole("region", { name: /Ready for pickup/ }).locator(`[data-code="${order.code}"]`)).toBeVisible();
  }
  await take(first, order);

  await expect(cardOf(second, order.code)).toHaveCount(0, { timeout: 5000 });
  await expect(second.getByTestId("pickup-alert")).toHaveCount(0, { timeout: 5000 });
  expect(await second.evaluate(() => "notReloaded" in window)).toBe(true);
  const { totalPaise } = await customerView(request, order);
  const card = cardOf(first, order.code);
  await expect(card.getByTestId("collect")).toHaveText(`Collect ${rupees(totalPaise)} cash`);
  await expect(card).toContainText("On the way");
  await expect(card.getByRole("link", { name: /Call/ })).toHaveAttribute("href", "tel:9847012345");
  await expect(first.getByTestId("pickup-alert")).toHaveCount(0);

  // A manager gives another ready order to courier2: it waits under their orders and leaves courier1's phone.
  const reserved = await placeOrder(request, SLUG);
  await cook(request, reserved);
  await expect(cardOf(first, reserved.code)).toBeVisible();
  const db = database();
  const courier2 = await db.staff.findFirstOrThrow({ where: { login: "courier2", restaurant: { slug: SLUG } } }).finally(() => db.$disconnect());
  const admin = await staffToken(request, SLUG, "admin");
  const assigned = await request.post(`/api/orders/${reserved.id}/courier`, { data: { courierId: courier2.id }, headers: { authorization: `Bearer ${admin}` } });
  expect(assigned.status(), await assigned.text()).toBe(200);
  await expect(second.getByRole("region", { name: /Your orders/ }).locator(`[data-code="${reserved.code}"]`)).toContainText("Reserved for you");
  await expect(cardOf(first, reserved.code)).toHaveCount(0);
  await expect(first.getByTestId("pickup-alert")).toHaveCount(0);
});

test("the courier hands over with the customer's PIN and confirms the cash: a wrong PIN says how many tries are left", async ({ browser, request }) => {
  const courier = await staffPage(browser, "courier1", SLUG);
  const order = await placeOrderOf(request, SLUG, [{ name: "Prawn Moilee", notes: "extra gravy, no chillies" }, { name: "Kerala Parotta", quantity: 3 }], "Flat 4B, Marine Heights, Edappally");
  await cook(request, order);
  await take(courier, order);
  const { totalPaise, pin } = await customerView(request, order);

  await cardOf(courier, order.code).getByRole("button", { name: "Delivered" }).click();
  const sheet = courier.getByTestId("handover");
  const confirm = sheet.getByRole("button", { name: "Confirm delivery" });
  const pinInput = sheet.getByLabel("PIN from the customer");
  await expect(pinInput).toBeFocused();
  await expect(pinInput).toHaveAttribute("inputmode", "numeric");
  await pinInput.fill(String((Number(pin) + 1) % 10_000).padStart(4, "0"));
  await expect(confirm).toBeDisabled();
  await sheet.getByLabel(`I collected ${rupees(totalPaise)} in cash`).check();
  await confirm.click();
  await expect(sheet.getByRole("alert")).toHaveText("That PIN is not this order's; 4 attempts left");
  await expect(pinInput).toHaveValue("");
  await screenshot(courier, "courier-pin");

  await pinInput.fill(pin);
  await confirm.click();
  await expect(sheet).toHaveCount(0);
  await expect(cardOf(courier, order.code)).toHaveCount(0);
  const row = await orderRow(order.id);
  expect(row.status).toBe("DELIVERED");
  expect(row.paidAt).not.toBeNull();
  expect(row.pinAttempts).toBe(1);
});

test("after five wrong PINs the courier is told to call the restaurant", async ({ browser, request }) => {
  const courier = await staffPage(browser, "courier2", SLUG);
  const order = await placeOrder(request, SLUG);
  await cook(request, order);
  await take(courier, order);
  const { pin } = await customerView(request, order);

  await cardOf(courier, order.code).getByRole("button", { name: "Delivered" }).click();
  const sheet = courier.getByTestId("handover");
  await sheet.getByRole("checkbox").check();
  const wrong = String((Number(pin) + 1) % 10_000).padStart(4, "0");
  for (const left of ["4 attempts left", "3 attempts left", "2 attempts left", "1 attempt left", "no attempts left: a manager must complete it", "LOCKED"]) {
    await sheet.getByLabel("PIN from the customer").fill(wrong);
    await sheet.getByRole("button", { name: "Confirm delivery" }).click();
    if (left === "LOCKED") break;
    await expect(sheet.getByRole("alert")).toHaveText(`That PIN is not this order's; ${left}`);
  }
  await expect(sheet.getByRole("alert")).toHaveText("Call the restaurant: a manager must complete this delivery");
  await expect(sheet.getByLabel("PIN from the customer")).toBeDisabled();
  expect((await orderRow(order.id)).status).toBe("OUT_FOR_DELIVERY");
});

test("while an order is on the way the phone shares its position, until the courier switches it off", async ({ browser, request }) => {
  const courier = await staffPage(browser, "courier3", SLUG);
  const context = courier.context();
  // Counts the screen's live watchPosition calls, so "stopped" is a fact to wait for, not a pause.
  await context.addInitScript(() => {
    const geolocation = navigator.geolocation;
    const watch = geolocation.watchPosition.bind(geolocation);
    const clear = geolocation.clearWatch.bind(geolocation);
    const watching = new Set<number>();
    Object.assign(window, { watching });
    geolocation.watchPosition = (...args) => {
      const id = watch(...args);
      watching.add(id);
      return id;
    };
    geolocation.clearWatch = (id) => {
      watching.delete(id);
      clear(id);
    };
  });
  await context.grantPermissions(["geolocation"]);
  const start = { latitude: 10.0261, longitude: 76.3125 };
  await context.setGeolocation(start);
  await courier.reload();
  const watches = () => courier.evaluate(() => (window as unknown as { watching: Set<number> }).watching.size);

  const order = await placeOrderOf(request, SLUG, [{ name: "Malabar Chicken Biryani", quantity: 2, notes: "one without egg" }, { name: "Fresh Lime Soda" }], "Flat 7C, Skyline Apartments, near Lulu Mall, Edappally");
  await cook(request, order);
  await expect(cardOf(courier, order.code)).toBeVisible();
  expect(await watches()).toBe(0);
  await take(courier, order);

  const bar = courier.getByTestId("location-sharing");
  await expect(bar).toContainText("Sharing your location with the customer");
  const position = async () => {
    const row = await orderRow(order.id);
    return { latitude: row.courierLatitude, longitude: row.courierLongitude };
  };
  await expect.poll(position).toEqual(start);
  await screenshot(courier, "courier-list");

  const onTheRoad = { latitude: 10.0302, longitude: 76.3081 };
  await context.setGeolocation(onTheRoad);
  await expect.poll(position, { timeout: 15_000 }).toEqual(onTheRoad);

  await bar.getByRole("switch", { name: "Share my location" }).uncheck();
  await expect(bar).toContainText("Location sharing is off");
  await expect.poll(watches).toBe(0);
  await context.setGeolocation({ latitude: 10.04, longitude: 76.3 });
  expect(await position()).toEqual(onTheRoad);

  // Off is remembered on this phone.
  await courier.reload();
  await expect(courier.getByTestId("location-sharing")).toContainText("Location sharing is off");
  await expect(courier.getByRole("switch", { name: "Share my location" })).not.toBeChecked();
  expect(await watches()).toBe(0);
});

test("a delivery that could not be made is reported with a reason", async ({ browser, request }) => {
  const courier = await staffPage(browser, "courier1", SLUG);
  const unbroken = "x".repeat(200);
  const order = await placeOrderOf(request, SLUG, [{ name: "Chicken 65", notes: unbroken }], `Door ${unbroken}`);
  await cook(request, order);
  await take(courier, order);
  // A note or an address without a break point still wraps: the phone never scrolls sideways.
  expect(await courier.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await cardOf(courier, order.code).getByRole("button", { name: "Couldn't deliver" }).click();
  const dialog = courier.getByTestId("close-reason");
  await dialog.getByLabel("Address not found").check();
  await screenshot(courier, "courier-failed");
  await dialog.getByRole("button", { name: "Report failed delivery" }).click();
  await expect(cardOf(courier, order.code)).toHaveCount(0);
  const row = await orderRow(order.id);
  expect(row.status).toBe("DELIVERY_FAILED");
  expect(row.closeReason).toBe("ADDRESS_NOT_FOUND");
});
