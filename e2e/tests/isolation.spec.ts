import { expect, test } from "@playwright/test";
import { closeContexts, placeOrder, staffPage } from "./helpers.ts";

test.afterEach(closeContexts);

test("a restaurant's kitchen never shows another restaurant's ticket", async ({ browser, request }) => {
  const fortKochi = await staffPage(browser, "kitchen", "fort-kochi");
  const edappally = await staffPage(browser, "kitchen", "edappally");

  const theirs = await placeOrder(request, "fort-kochi");
  await expect(fortKochi.locator(`[data-code="${theirs.code}"]`)).toBeVisible();
  // Edappally's board is live too: its own order shows, and by then the other one would have.
  const ours = await placeOrder(request, "edappally");
  await expect(edappally.locator(`[data-code="${ours.code}"]`)).toBeVisible();
  await expect(edappally.locator(`[data-code="${theirs.code}"]`)).toHaveCount(0);
  await expect(fortKochi.locator(`[data-code="${ours.code}"]`)).toHaveCount(0);
});
